using Payments.Bench.EndToEnd;

// End-to-end benchmark: signed Stripe webhooks at fixed rates (open loop: a slow system is not allowed to slow the
// load down), each for a distinct order, through ingress -> RabbitMQ -> Orders (inbox, state, outbox) -> relay ->
// Notifications -> SMTP. Latency per webhook = email sent (notifications.sent_at) - webhook received (the ingress's
// ReceivedAt, recorded by Orders). The same rates against a synchronous endpoint that verifies, updates the order and
// sends the email before answering.
var settings = E2eSettings.Parse(args);
var report = await new EndToEndBenchmark(settings).RunAsync();
await File.WriteAllTextAsync(settings.ResultsPath, report);
Console.WriteLine(report);
