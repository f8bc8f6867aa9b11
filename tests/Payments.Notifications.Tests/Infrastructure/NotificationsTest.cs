namespace Payments.Notifications.Tests.Infrastructure;

/// <summary>A test class with a <see cref="NotificationsScenario"/> of its own on the shared infrastructure, disposed after each test.</summary>
public abstract class NotificationsTest(Infrastructure infrastructure) : IAsyncLifetime
{
    /// <summary>The shared broker, database and SMTP servers.</summary>
    protected Infrastructure Servers { get; } = infrastructure;

    protected NotificationsScenario Scenario { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Scenario = await NotificationsScenario.CreateAsync(Servers);

    public virtual async ValueTask DisposeAsync()
    {
        await Scenario.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
