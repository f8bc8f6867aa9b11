using Payments.Operations;
using Payments.Operations.Api;
using Payments.Operations.DeadLetters;
using Payments.Operations.Now;
using Payments.Operations.Parked;
using Payments.Operations.Timeline;
using Payments.Operations.WebConsole;
using Payments.ServiceDefaults;
using Payments.ServiceDefaults.OpenApi;
using Payments.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddOperatorServiceIdentity(ApiAudiences.Operations); // every listener is a management listener (decision 0029)
builder.AddDefaultOpenApi();
builder.AddOperations();
builder.AddConsoleAssets();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseApiIdentity();
app.MapDefaultOpenApi(); // /openapi/v1.json; /scalar in Development
var api = app.MapOperationsApi();
api.MapDeadLetters();
api.MapTimeline();
api.MapParked();
api.MapNow();
app.MapConsole();
app.Run();
