using System.Globalization;
using Payments.Testing.Tests.RabbitMq;
using RabbitMQ.Client;

namespace Payments.Testing.Tests.Privileges;

/// <summary>
/// A broker with the management API and the services' users from infra/rabbitmq/definitions.sh, the definitions
/// compose's broker loads at boot, imported inside its container. The fixture's guest stays its administrator.
/// </summary>
public sealed class PrivilegedBroker : IAsyncLifetime
{
    public static readonly string[] Services = ["ingress", "orders", "notifications", "reconciliation", "operations"];

    private readonly ManagedBrokerFixture _broker = new();
    private readonly Dictionary<string, string> _passwords = ServicePasswords.For("PAYMENTS_RABBITMQ_PASSWORD_", Services);

    public async ValueTask InitializeAsync()
    {
        await _broker.InitializeAsync();
        var environment = new Dictionary<string, string>(_passwords)
        {
            ["IMPORT"] = "1",
            ["RABBITMQ_ADMIN_USER"] = "guest",
            ["RABBITMQ_ADMIN_PASSWORD"] = "guest",
        };
        await InfraScript.RunAsync(_broker.ContainerId, "infra/rabbitmq/definitions.sh", environment, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _broker.DisposeAsync();

    /// <summary>A connection as <paramref name="service"/>'s user.</summary>
    public Task<IConnection> ConnectAsync(string service, CancellationToken cancellationToken) =>
        Connect($"amqp://{service}:{_passwords[$"PAYMENTS_RABBITMQ_PASSWORD_{service.ToUpperInvariant()}"]}@127.0.0.1:{_broker.Port.ToString(CultureInfo.InvariantCulture)}/", cancellationToken);

    /// <summary>A connection as the administrator, for setting up what a test needs to exist.</summary>
    public Task<IConnection> ConnectAsAdministratorAsync(CancellationToken cancellationToken) => Connect(_broker.AmqpUri, cancellationToken);

    private static Task<IConnection> Connect(string uri, CancellationToken cancellationToken) =>
        new ConnectionFactory { Uri = new Uri(uri), AutomaticRecoveryEnabled = false, ClientProvidedName = "privilege test" }
            .CreateConnectionAsync(cancellationToken);
}
