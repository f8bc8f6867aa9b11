using System.Net;
using Payments.ProviderSimulator.Tests.Infrastructure;

namespace Payments.ProviderSimulator.Tests.Faults;

/// <summary>Injected API errors answer in Stripe's shape without running the request, so a retry under the same key runs for real.</summary>
public sealed class When_the_api_is_made_to_fail : IAsyncLifetime
{
    private readonly SimulatorApp _app = new(new Dictionary<string, string?>
    {
        ["Simulator:Faults:ApiErrorRate"] = "1",
    });

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Should_answer_a_Stripe_api_error_and_run_the_retry_with_the_same_key()
    {
        var stripe = _app.Stripe();
        (string, object?)[] parameters = [("amount", 1200), ("currency", "eur")];

        var failed = await stripe.PostAsync("/v1/payment_intents", parameters, idempotencyKey: "retry-me");
        await _app.Sim().PutFaultsAsync(new { });
        var retried = await stripe.PostAsync("/v1/payment_intents", parameters, idempotencyKey: "retry-me");
        var list = await stripe.GetAsync("/v1/payment_intents");

        failed.Status.ShouldBe(HttpStatusCode.InternalServerError);
        failed.Error.GetProperty("type").GetString().ShouldBe("api_error");
        retried.Status.ShouldBe(HttpStatusCode.OK);
        retried.Header("Idempotent-Replayed").ShouldBeNull();
        list.Body.GetProperty("data").GetArrayLength().ShouldBe(1);
        (await _app.Sim().StatsAsync()).GetProperty("api_errors_injected").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task Should_answer_429_with_Retry_After_when_rate_limiting()
    {
        await _app.Sim().PutFaultsAsync(new { rate_limit_rate = 1.0, rate_limit_retry_after_seconds = 3 });

        var limited = await _app.Stripe().GetAsync("/v1/payment_intents");

        limited.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Header("Retry-After").ShouldBe("3");
        limited.Error.GetProperty("code").GetString().ShouldBe("rate_limit");
        (await _app.Sim().StatsAsync()).GetProperty("rate_limits_injected").GetInt64().ShouldBe(1);
    }
}
