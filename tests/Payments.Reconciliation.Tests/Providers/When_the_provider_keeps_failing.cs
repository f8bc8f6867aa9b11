using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Payments.Reconciliation.Providers;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Payments.Reconciliation.Tests.Providers;

/// <summary>
/// The provider client's resilience handler, as the service registers it: transient answers retried, refusals not,
/// slow attempts cut off, and a circuit that stops asking. Requests go through a real HttpClient to a scripted handler.
/// </summary>
public sealed class When_the_provider_keeps_failing
{
    private static readonly ResilienceOptions Options = new()
    {
        AttemptTimeout = TimeSpan.FromMilliseconds(200),
        MaxRetries = 2,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryAfter = TimeSpan.FromMilliseconds(50),
        BreakerFailureRatio = 0.5,
        BreakerMinimumThroughput = 4,
        BreakerSamplingDuration = TimeSpan.FromSeconds(30),
        BreakerBreakDuration = TimeSpan.FromSeconds(30),
    };

    [Fact]
    public async Task Should_retry_a_transient_failure()
    {
        var provider = new ScriptedProvider(call => call < 3 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK);
        using var response = await SendAsync(Client(provider));
        (response.StatusCode, provider.Calls).ShouldBe((HttpStatusCode.OK, 3));
    }

    [Fact]
    public async Task Should_honour_retry_after_up_to_its_cap()
    {
        var provider = new ScriptedProvider(call => call < 2 ? HttpStatusCode.TooManyRequests : HttpStatusCode.OK, retryAfter: TimeSpan.FromMinutes(10));
        var started = TimeProvider.System.GetTimestamp();
        using var response = await SendAsync(Client(provider));
        (response.StatusCode, provider.Calls).ShouldBe((HttpStatusCode.OK, 2));
        TimeProvider.System.GetElapsedTime(started).ShouldBeLessThan(TimeSpan.FromSeconds(5), "a Retry-After of minutes waits only Provider:Resilience:MaxRetryAfter");
    }

    [Fact]
    public async Task Should_not_retry_a_refusal()
    {
        var provider = new ScriptedProvider(_ => HttpStatusCode.Unauthorized);
        using var response = await SendAsync(Client(provider));
        (response.StatusCode, provider.Calls).ShouldBe((HttpStatusCode.Unauthorized, 1));
    }

    [Fact]
    public async Task Should_cut_off_a_slow_attempt()
    {
        var provider = new ScriptedProvider(_ => HttpStatusCode.OK, delay: TimeSpan.FromSeconds(10));
        await Should.ThrowAsync<TimeoutRejectedException>(() => SendAsync(Client(provider)));
        provider.Calls.ShouldBe(3, "each slow attempt is cut off and retried");
    }

    [Fact]
    public async Task Should_stop_asking_once_the_circuit_opens()
    {
        var provider = new ScriptedProvider(_ => HttpStatusCode.InternalServerError);
        var client = Client(provider);

        (await SendAsync(client)).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        await FailsAsync(() => SendAsync(client));
        var before = provider.Calls;
        await Should.ThrowAsync<BrokenCircuitException>(() => SendAsync(client));
        provider.Calls.ShouldBe(before, "an open circuit answers without calling the provider");
    }

    private static HttpClient Client(ScriptedProvider provider)
    {
        var services = new ServiceCollection();
        services.AddOptions<ProviderOptions>().Configure(o => o.Resilience = Options);
        services.AddHttpClient("provider", http => http.BaseAddress = new Uri("http://provider.test/"))
            .ConfigurePrimaryHttpMessageHandler(() => provider)
            .AddProviderResilience();
        return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>().CreateClient("provider");
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client) =>
        client.GetAsync(new Uri("v1/payment_intents/pi_1", UriKind.Relative), TestContext.Current.CancellationToken);

    private static async Task FailsAsync(Func<Task<HttpResponseMessage>> call)
    {
        try
        {
            using var response = await call();
            response.IsSuccessStatusCode.ShouldBeFalse();
        }
        catch (BrokenCircuitException)
        {
        }
    }
}
