namespace Payments.Testing.RabbitMq;

public sealed record RabbitMqOptions
{
    /// <summary>
    /// Enables the management plugin (HTTP API and UI on <see cref="RabbitMqFixture.ManagementPort"/>).
    /// Off by default: few tests need it, and it adds work (about half a second) to every start.
    /// </summary>
    public bool EnableManagement { get; init; }

    /// <summary>Bound on each start; a node boots in ~5 s on 2 idle cores but has taken 15-20 s on busy ones.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(90);
}
