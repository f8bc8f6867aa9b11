using Payments.Messaging.Operations;
using Payments.Messaging.Outbox;
using Payments.Orders;
using Payments.Orders.Orders;
using Payments.Orders.Story;
using Payments.ServiceDefaults;
using Payments.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApiIdentity(ApiAudiences.Orders);
builder.AddOrders();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseApiIdentity();
app.MapOrders(); // orders:write to create, orders:read to read
app.MapOrderStory().RequireOperator();
app.MapOutboxAdmin().RequireOperator();
app.MapOperatorAudit().RequireOperator();
app.Run();
