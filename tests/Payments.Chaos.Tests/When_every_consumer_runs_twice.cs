namespace Payments.Chaos.Tests;

/// <summary>The same chaos with two instances of every consumer: claims, locks and the inbox keep them from doubling work.</summary>
public sealed class When_every_consumer_runs_twice : IAsyncLifetime
{
    private readonly PaymentsSystem _system = new(instances: 2);

    public async ValueTask InitializeAsync() => await _system.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Should_lose_nothing_and_apply_every_event_once()
    {
        var outcome = await ChaosRun.RunAsync(_system, orders: 80, TestContext.Current.CancellationToken);

        outcome.ShouldHaveLostNothingAndAppliedEverythingOnce();
    }
}
