namespace Payments.Bench.Orders;

internal sealed record BenchSettings(string AmqpUri, string PostgresAdmin, int Events, int RelayRows, string ResultsPath, int Concurrency)
{
    public static BenchSettings Parse(string[] args) => args.Length >= 5
        ? new BenchSettings(args[0], args[1], int.Parse(args[2]), int.Parse(args[3]), args[4], args.Length > 5 ? int.Parse(args[5]) : 32)
        : throw new ArgumentException("usage: Payments.Bench.Orders <amqp uri> <postgres admin> <events> <relay rows> <results.md> [concurrency]");
}
