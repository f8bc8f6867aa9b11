namespace Payments.Testing.RabbitMq;

public sealed record RabbitMqOptions
{
    /// <summary>
    /// Publishes the management plugin's HTTP API and UI (on <see cref="RabbitMqFixture.ManagementPort"/>).
    /// Off by default: few tests need it, and the plugin adds work to every start, so it is disabled then.
    /// </summary>
    public bool EnableManagement { get; init; }

    /// <summary>Bound on each start; a node boots in a few seconds on 2 idle cores but has taken 15-20 s on busy ones.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(90);
}
