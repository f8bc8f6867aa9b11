using Payments.Bench.Baselines;

// Baselines the ingress is measured against, in the same run, on the same box:
//   POST /bare          reads the body and answers 202 (Kestrel's ceiling for this request shape)
//   POST /publish-only  publishes the body persistently to a quorum queue with the raw client and awaits the confirm
//                       (the ceiling of durable acknowledgement here)
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddSingleton<ConfirmedPublisher>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<ConfirmedPublisher>());

var app = builder.Build();
app.MapPost("/bare", BaselineEndpoints.BareAsync);
app.MapPost("/publish-only", BaselineEndpoints.PublishOnlyAsync);
app.Run();
