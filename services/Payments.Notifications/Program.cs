using Payments.Messaging.Operations;
using Payments.Notifications;
using Payments.Notifications.Notifications;
using Payments.ServiceDefaults;
using Payments.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApiIdentity(ApiAudiences.Notifications);
builder.AddNotifications();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseApiIdentity();
app.MapNotifications().RequireOperator();
app.MapParkedNotifications().RequireOperator();
app.MapOperatorAudit().RequireOperator();
app.Run();
