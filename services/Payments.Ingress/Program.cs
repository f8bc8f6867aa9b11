using Payments.Ingress;
using Payments.Ingress.Networks;
using Payments.Ingress.Webhooks;
using Payments.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIngress();

var app = builder.Build();
app.UseSourceNetworks();
app.UseRateLimiter();
app.MapDefaultEndpoints();
app.MapWebhooks();
app.Run();
