using Payments.Messaging.Outbox;
using Payments.Reconciliation;
using Payments.Reconciliation.Endpoints;
using Payments.Reconciliation.Report;
using Payments.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddReconciliation();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapReconciliationReport();
app.MapWebhookEndpointChecks();
app.MapOutboxAdmin();
app.Run();
