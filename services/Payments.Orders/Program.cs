using Payments.Messaging.Consumers;
using Payments.Messaging.Operations;
using Payments.Messaging.Outbox;
using Payments.Orders;
using Payments.Orders.Ordering;
using Payments.Orders.Story;
using Payments.ServiceDefaults;
using Payments.ServiceDefaults.OpenApi;
using Payments.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDefaultOpenApi();
builder.AddApiIdentity(ApiAudiences.Orders);
builder.AddOrders();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseApiIdentity();
app.MapDefaultOpenApi(); // /openapi/v1.json; /scalar in Development
app.MapOrders(); // orders:write to create, orders:read to read
app.MapOrderStory().RequireOperator();
app.MapOutboxAdmin().RequireOperator();
app.MapOperatorAudit().RequireOperator();
app.MapConsumerAdmin().RequireOperator(); // what its receive endpoints hold, for "now"
app.Run();
