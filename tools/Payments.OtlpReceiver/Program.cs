using Payments.OtlpReceiver;
using Payments.OtlpReceiver.Otlp;
using Payments.OtlpReceiver.Query;

var builder = WebApplication.CreateSlimBuilder(args);
var options = builder.AddReceiver();

var app = builder.Build();
app.MapOtlp().RequireHost($"*:{options.OtlpPort}");
app.MapJaegerQuery().RequireHost($"*:{options.QueryPort}");
app.Run();
