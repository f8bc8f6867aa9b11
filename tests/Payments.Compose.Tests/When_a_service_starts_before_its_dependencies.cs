using Payments.Compose.Tests.Compose;
using Payments.Testing;

namespace Payments.Compose.Tests;

/// <summary>
/// Each service's container started alone (`up -d --no-deps`: no broker, no database, no mail server), as an
/// orchestrator may start it before the rest, then the rest arriving (`up -d`, which starts what compose says it
/// depends on). A fresh compose project per service, so nothing another case started is there. The provider
/// simulator needs none of what compose starts before it (no broker, no database; traces are best effort): alone, it
/// is ready.
/// </summary>
[Collection(ComposeCollection.Name)]
public sealed class When_a_service_starts_before_its_dependencies(ComposeImages images) : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    // How long a not-ready service is watched: longer than a readiness check takes to pass once its dependencies answer.
    private static readonly TimeSpan NotReadyWindow = TimeSpan.FromSeconds(6);

    private readonly ComposeProject _project = new(images);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _project.DisposeAsync();

    [Theory]
    [InlineData("ingress")]
    [InlineData("orders")]
    [InlineData("notifications")]
    [InlineData("reconciliation")]
    [InlineData("operations")]
    public async Task Should_be_live_but_not_ready_until_they_arrive(string service)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var url = _project.Url(service);
        await _project.UpAsync([service], noDeps: true, cancellationToken: cancellationToken);
        var alone = await _project.ContainerIdAsync(service, cancellationToken);

        await Eventually.TrueAsync(async () => await HealthProbe.LiveAsync(url, cancellationToken) == 200,
            StartTimeout, $"{service} alone to answer /health/live", cancellationToken);
        var readiness = await ReadinessOverAsync(url, NotReadyWindow, cancellationToken);
        readiness.ShouldAllBe(status => status == 503, $"{service} must answer /health/ready with 503 while none of its dependencies runs");

        await _project.UpAsync([service], cancellationToken: cancellationToken);
        await Eventually.TrueAsync(async () => await HealthProbe.ReadyAsync(url, cancellationToken) == 200,
            StartTimeout, $"{service} to report ready once its dependencies run", cancellationToken);

        (await _project.ContainerIdAsync(service, cancellationToken)).ShouldBe(alone, "the same container became ready, not a replacement");
        (await _project.RestartCountAsync(service, cancellationToken)).ShouldBe(0, "the container waited for its dependencies instead of crashing");
    }

    [Fact]
    public async Task Should_find_the_simulator_ready_alone()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        const string service = "simulator";
        var url = _project.Url(service);
        await _project.UpAsync([service], noDeps: true, cancellationToken: cancellationToken);

        await Eventually.TrueAsync(async () => await HealthProbe.LiveAsync(url, cancellationToken) == 200,
            StartTimeout, $"{service} alone to answer /health/live", cancellationToken);
        var readiness = await ReadinessOverAsync(url, NotReadyWindow, cancellationToken);
        readiness.ShouldAllBe(status => status == 200, $"{service} depends on nothing compose starts: it must be ready alone");
        (await _project.RestartCountAsync(service, cancellationToken)).ShouldBe(0, "the container runs without its compose dependencies");
    }

    /// <summary>The readiness status as a caller polling every half second sees it over <paramref name="window"/>.</summary>
    private static async Task<List<int>> ReadinessOverAsync(string url, TimeSpan window, CancellationToken cancellationToken)
    {
        var statuses = new List<int>();
        var until = DateTime.UtcNow + window;
        while (DateTime.UtcNow < until)
        {
            statuses.Add(await HealthProbe.ReadyAsync(url, cancellationToken));
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken); // sampling a state over a window, not waiting for an effect
        }

        return statuses;
    }
}
