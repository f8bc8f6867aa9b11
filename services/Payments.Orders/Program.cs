using Payments.Messaging.Outbox;
using Payments.Orders;
using Payments.Orders.Orders;
using Payments.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddOrders();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOrders();
app.MapOutboxAdmin();
app.Run();
