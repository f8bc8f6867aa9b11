using Payments.Messaging.Operations;
using Payments.Messaging.Outbox;
using Payments.Reconciliation;
using Payments.Reconciliation.Checks;
using Payments.Reconciliation.Endpoints;
using Payments.Reconciliation.Report;
using Payments.ServiceDefaults;
using Payments.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApiIdentity(ApiAudiences.Reconciliation);
builder.AddReconciliation();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseApiIdentity();
app.MapReconciliationReport().RequireOperator();
app.MapWebhookEndpointChecks().RequireOperator();
app.MapPaymentChecks().RequireOperator();
app.MapOutboxAdmin().RequireOperator();
app.MapOperatorAudit().RequireOperator();
app.Run();
