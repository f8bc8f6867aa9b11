using Npgsql;
using Payments.Testing.Services;

namespace Payments.Operations.Tests.Infrastructure;

/// <summary>
/// The real Operations service as a process (so a test can SIGKILL it) on its own database of the collection's server,
/// reading Orders' error queue and asking the collection's Orders; the other services are unreachable.
/// </summary>
public sealed class OperationsProcess : IAsyncDisposable
{
    private OperationsProcess(ServiceProcess process, string database)
    {
        Process = process;
        Database = database;
    }

    public ServiceProcess Process { get; }

    public string Database { get; }

    public static async Task<OperationsProcess> StartAsync(Servers servers, CancellationToken cancellationToken)
    {
        var database = await servers.Postgres.CreateDatabaseAsync("operations", cancellationToken);
        var process = new ServiceProcess("Payments.Operations")
            .With("ConnectionStrings:RabbitMq", servers.Broker.AmqpUri)
            .With("ConnectionStrings:Postgres", database)
            .With("Operations:Broker:ManagementUrl", $"http://127.0.0.1:{servers.Broker.ManagementPort}")
            .With("Operations:Services:Ingress:BaseUrl", OperationsApp.Unreachable)
            .With("Operations:Services:Orders:BaseUrl", servers.Orders.BaseUrl)
            .With("Operations:Services:Notifications:BaseUrl", OperationsApp.Unreachable)
            .With("Operations:Services:Reconciliation:BaseUrl", OperationsApp.Unreachable)
            .With("Operations:DeadLetters:Queues:0", "orders-payment-events_error")
            .With("Operations:DeadLetters:MissingQueueRetry", "00:00:00.200")
            .With("Logging:LogLevel:Default", "Warning");
        await process.StartAsync(cancellationToken: cancellationToken);
        return new OperationsProcess(process, database);
    }

    /// <summary>Dead letters stored in its database matching <paramref name="where"/> (SQL over deadletters.messages).</summary>
    public async Task<long> CountAsync(string where)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM deadletters.messages WHERE {where}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
