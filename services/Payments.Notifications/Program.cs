using Payments.Notifications;
using Payments.Notifications.Notifications;
using Payments.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNotifications();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapNotifications();
app.Run();
