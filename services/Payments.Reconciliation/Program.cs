using Payments.Messaging.Consumers;
using Payments.Messaging.Operations;
using Payments.Messaging.Outbox;
using Payments.Reconciliation;
using Payments.Reconciliation.Checks;
using Payments.Reconciliation.Endpoints;
using Payments.Reconciliation.Report;
using Payments.ServiceDefaults;
using Payments.ServiceDefaults.OpenApi;
using Payments.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDefaultOpenApi();
builder.AddApiIdentity(ApiAudiences.Reconciliation);
builder.AddReconciliation();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseApiIdentity();
app.MapDefaultOpenApi(); // /openapi/v1.json; /scalar in Development
app.MapReconciliationReport().RequireOperator();
app.MapWebhookEndpointChecks().RequireOperator();
app.MapPaymentChecks().RequireOperator();
app.MapOutboxAdmin().RequireOperator();
app.MapOperatorAudit().RequireOperator();
app.MapConsumerAdmin().RequireOperator(); // what its receive endpoints hold, for "now"
app.Run();
