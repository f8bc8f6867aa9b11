using Payments.ProviderSimulator;
using Payments.ProviderSimulator.LiqPay;
using Payments.ProviderSimulator.Security;
using Payments.ProviderSimulator.Stripe;
using Payments.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddProviderSimulator();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapStripeApi();          // /v1/...: the Stripe-compatible surface, nothing else
app.MapLiqPayApi();          // /api/request: LiqPay's status request
app.MapSimulatorControls()   // /sim/...: endpoints, faults, stats, deliveries
   .RequireAuthorization(AdminKeyAuthentication.Policy);
app.Run();
