using Payments.Reconciliation.Providers;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Payments.Reconciliation.Tests.Providers;

/// <summary>The provider pipeline: transient failures retried, slow attempts cut off, and a circuit that stops asking.</summary>
public sealed class When_the_provider_keeps_failing
{
    private static readonly ResilienceOptions Options = new()
    {
        AttemptTimeout = TimeSpan.FromMilliseconds(200),
        MaxRetries = 2,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        BreakerFailureRatio = 0.5,
        BreakerMinimumThroughput = 4,
        BreakerSamplingDuration = TimeSpan.FromSeconds(30),
        BreakerBreakDuration = TimeSpan.FromSeconds(30),
    };

    [Fact]
    public async Task Should_retry_a_transient_failure()
    {
        var pipeline = ProviderResilience.Build("test", Options, TimeProvider.System);
        var calls = 0;
        var answer = await pipeline.ExecuteAsync(_ => ++calls < 3 ? throw new ProviderUnavailableException("500") : ValueTask.FromResult("ok"),
            TestContext.Current.CancellationToken);
        (answer, calls).ShouldBe(("ok", 3));
    }

    [Fact]
    public async Task Should_not_retry_a_refusal()
    {
        var pipeline = ProviderResilience.Build("test", Options, TimeProvider.System);
        var calls = 0;
        await Should.ThrowAsync<ProviderRejectedException>(async () =>
            await pipeline.ExecuteAsync<string>(_ => { calls++; throw new ProviderRejectedException("401"); }, TestContext.Current.CancellationToken));
        calls.ShouldBe(1);
    }

    [Fact]
    public async Task Should_cut_off_a_slow_attempt()
    {
        var pipeline = ProviderResilience.Build("test", Options, TimeProvider.System);
        await Should.ThrowAsync<TimeoutRejectedException>(async () =>
            await pipeline.ExecuteAsync(async token => { await Task.Delay(TimeSpan.FromSeconds(10), token); return "late"; }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Should_stop_asking_once_the_circuit_opens()
    {
        var pipeline = ProviderResilience.Build("test", Options, TimeProvider.System);
        var calls = 0;
        Task<string> Call() => pipeline.ExecuteAsync<string>(_ => { calls++; throw new ProviderUnavailableException("503"); }, TestContext.Current.CancellationToken).AsTask();

        await FailsAsync(Call);
        await FailsAsync(Call);
        var before = calls;
        await Should.ThrowAsync<BrokenCircuitException>(Call);
        calls.ShouldBe(before, "an open circuit answers without calling the provider");
    }

    private static async Task FailsAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception ex) when (ex is ProviderUnavailableException or BrokenCircuitException)
        {
            return;
        }

        throw new ShouldAssertException("The call should have failed.");
    }
}
