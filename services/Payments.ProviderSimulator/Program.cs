using Payments.ProviderSimulator;
using Payments.ProviderSimulator.LiqPay;
using Payments.ProviderSimulator.Security;
using Payments.ProviderSimulator.Stripe;
using Payments.ServiceDefaults;
using Payments.ServiceDefaults.OpenApi;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDefaultOpenApi();
builder.AddProviderSimulator();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapDefaultOpenApi(); // /openapi/v1.json; /scalar in Development
app.MapStripeApi();          // /v1/...: the Stripe-compatible surface, nothing else
app.MapLiqPayApi();          // /api/request: LiqPay's status request
app.MapSimulatorControls()   // /sim/...: endpoints, faults, stats, deliveries
   .RequireAuthorization(AdminKeyAuthentication.Policy);
app.Run();
