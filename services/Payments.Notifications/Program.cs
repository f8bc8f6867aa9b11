using Payments.Messaging.Consumers;
using Payments.Messaging.Operations;
using Payments.Notifications;
using Payments.Notifications.Ledger;
using Payments.ServiceDefaults;
using Payments.ServiceDefaults.OpenApi;
using Payments.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDefaultOpenApi();
builder.AddApiIdentity(ApiAudiences.Notifications);
builder.AddNotifications();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseApiIdentity();
app.MapDefaultOpenApi(); // /openapi/v1.json; /scalar in Development
app.MapNotifications().RequireOperator();
app.MapParkedNotifications().RequireOperator();
app.MapOperatorAudit().RequireOperator();
app.MapConsumerAdmin().RequireOperator(); // what its receive endpoints hold, for "now"
app.Run();
