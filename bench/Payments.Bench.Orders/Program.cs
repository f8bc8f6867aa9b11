using Payments.Bench.Orders;

// Orders benchmark: payment events published straight to the Orders queue.
//   1. events/s applied by the real Orders service (inbox + state change + history + outbox, batched), one process
//   2. the same transaction shape as plain separate commands (one round trip each), same concurrency, same database server
//   3. outbox relay messages/s for one instance, on rows committed while it was down
// usage: Payments.Bench.Orders <amqp uri> <postgres admin connection string> <events> <relay rows> <results.md>
var settings = BenchSettings.Parse(args);
var results = await new OrdersBenchmark(settings).RunAsync();
await File.WriteAllTextAsync(settings.ResultsPath, results);
Console.WriteLine(results);
