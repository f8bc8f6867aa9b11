using Payments.Bench.Baselines;

// Baselines the ingress is measured against, in the same run, on the same box:
//   POST /bare          reads the body and answers 202 (Kestrel's ceiling for this request shape)
//   POST /publish-only  publishes the body persistently to a quorum queue with the raw client and awaits the confirm
//                       (the ceiling of durable acknowledgement here)
//   POST /sync-webhook  verifies, updates the order and sends the email before answering (the synchronous design)
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddSingleton<ConfirmedPublisher>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<ConfirmedPublisher>());
builder.Services.AddSingleton<SyncWebhook>();

var app = builder.Build();
app.MapPost("/bare", BaselineEndpoints.BareAsync);
app.MapPost("/publish-only", BaselineEndpoints.PublishOnlyAsync);
app.MapPost("/sync-webhook", (HttpRequest request, SyncWebhook sync, CancellationToken ct) => sync.HandleAsync(request, ct));
app.Run();
