using Payments.Ingress;
using Payments.Ingress.Networks;
using Payments.Ingress.Traffic;
using Payments.Ingress.Webhooks;
using Payments.ServiceDefaults;
using Payments.ServiceDefaults.OpenApi;
using Payments.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDefaultOpenApi();
builder.AddApiIdentity(ApiAudiences.Ingress); // for its one operator endpoint; webhooks are authenticated by their signatures
builder.AddIngress();

var app = builder.Build();
app.UseSourceNetworks();
app.UseRateLimiter();
app.MapDefaultEndpoints();
app.UseApiIdentity();
app.MapDefaultOpenApi(); // /openapi/v1.json; /scalar in Development
app.MapWebhooks();
app.MapTraffic().RequireOperator();
app.Run();
