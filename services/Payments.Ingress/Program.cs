using Payments.Ingress;
using Payments.Ingress.Networks;
using Payments.Ingress.Webhooks;
using Payments.ServiceDefaults;
using Payments.ServiceDefaults.OpenApi;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDefaultOpenApi();
builder.AddIngress();

var app = builder.Build();
app.UseSourceNetworks();
app.UseRateLimiter();
app.MapDefaultEndpoints();
app.MapDefaultOpenApi(); // /openapi/v1.json; /scalar in Development
app.MapWebhooks();
app.Run();
