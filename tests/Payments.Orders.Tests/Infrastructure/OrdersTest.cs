namespace Payments.Orders.Tests.Infrastructure;

/// <summary>A test class with an <see cref="OrdersScenario"/> of its own on the shared infrastructure, disposed after each test.</summary>
public abstract class OrdersTest(Infrastructure infrastructure) : IAsyncLifetime
{
    /// <summary>The shared broker and database servers.</summary>
    protected Infrastructure Servers { get; } = infrastructure;

    protected OrdersScenario Scenario { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Scenario = await OrdersScenario.CreateAsync(Servers);

    public virtual async ValueTask DisposeAsync()
    {
        await Scenario.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
