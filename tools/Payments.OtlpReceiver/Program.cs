using Payments.OtlpReceiver;
using Payments.OtlpReceiver.Otlp;
using Payments.OtlpReceiver.Query;

var builder = WebApplication.CreateSlimBuilder(args);
var options = builder.AddReceiver();

var app = builder.Build();
app.MapOtlp().OnLocalPort(options.OtlpPort);
app.MapJaegerQuery().OnLocalPort(options.QueryPort);
app.Run();
