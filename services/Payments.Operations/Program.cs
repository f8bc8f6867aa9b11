using Payments.Operations;
using Payments.Operations.Api;
using Payments.ServiceDefaults;
using Payments.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApiIdentity(ApiAudiences.Operations);
builder.AddOperations();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseApiIdentity();
var api = app.MapOperationsApi();
app.Run();
