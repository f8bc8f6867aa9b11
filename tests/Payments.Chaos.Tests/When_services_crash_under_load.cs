namespace Payments.Chaos.Tests;

public sealed class When_services_crash_under_load : IAsyncLifetime
{
    private readonly PaymentsSystem _system = new(instances: 1);

    public async ValueTask InitializeAsync() => await _system.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Should_lose_nothing_and_apply_every_event_once()
    {
        var outcome = await ChaosRun.RunAsync(_system, orders: 80, TestContext.Current.CancellationToken);

        outcome.ShouldHaveLostNothingAndAppliedEverythingOnce();
    }
}
