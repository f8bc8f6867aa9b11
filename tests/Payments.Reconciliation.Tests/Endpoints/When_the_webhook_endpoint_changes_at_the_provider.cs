using System.Diagnostics;
using System.Globalization;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payments.Reconciliation.Endpoints;
using Payments.Reconciliation.Report;
using Payments.Reconciliation.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Hosting;

namespace Payments.Reconciliation.Tests.Endpoints;

/// <summary>
/// A provider of its own (the real simulator, so its endpoint list is this test's) and Reconciliation checking it
/// every second: what is done to the endpoint at the provider shows in GET /reconciliation/endpoints within one
/// interval, and clears when it is put right.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_the_webhook_endpoint_changes_at_the_provider(PaymentSystem system) : IAsyncLifetime
{
    private const string Url = "http://127.0.0.1:5999/webhooks/stripe";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    // One interval, plus margin for a check round and a poll on two shared cores.
    private static readonly TimeSpan WithinOneInterval = Interval + TimeSpan.FromSeconds(2);

    private const string Checks = "payments.reconciliation.endpoint_checks";

    private readonly CapturedLogs _logs = new();
    private MetricTotals _metrics = null!;
    private Simulator _provider = null!;
    private ReconciliationApp _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _provider = await Simulator.StartAsync();
        (_app, _client) = await ReconciliationApp.StartAsync(system.Broker, system.Postgres, _provider.BaseUrl, new Dictionary<string, string?>
        {
            ["Reconciliation:EndpointCheckInterval"] = Interval.ToString("c", CultureInfo.InvariantCulture),
            ["Reconciliation:Endpoints:stripe:Url"] = Url,
            ["Reconciliation:Endpoints:liqpay:Url"] = "http://127.0.0.1:5999/webhooks/liqpay",
            ["Reconciliation:Endpoints:liqpay:Provider"] = "liqpay",
        }, services => services.AddSingleton<ILoggerProvider>(_logs));
        // Only this app's measurements: other test classes run Reconciliation apps with a stripe source too.
        _metrics = new MetricTotals(_app.Services.GetRequiredService<IMeterFactory>(), Checks, "payments.reconciliation.endpoint.status");
    }

    public async ValueTask DisposeAsync()
    {
        _metrics?.Dispose();
        _client.Dispose();
        await _app.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task Should_report_it_missing_or_disabled_within_one_interval_and_clear_when_fixed()
    {
        (await StatusAsync("stripe", EndpointStatus.Missing, TimeSpan.FromSeconds(10))).Url.ShouldBe(Url);
        await Eventually.TrueAsync(() => Task.FromResult(_metrics.Tagged(Checks, "source=stripe", $"status={EndpointStatus.Missing}") > 0),
            WithinOneInterval, "a check counted as source=stripe, status=missing", TestContext.Current.CancellationToken);
        GaugedStatuses("stripe").ShouldBe([EndpointStatus.Missing]);
        Warnings("stripe").ShouldContain(w => w.Contains($"is {EndpointStatus.Missing} (expected {Url}", StringComparison.Ordinal));
        var id = await _provider.CreateWebhookEndpointAsync(Url, "payment_intent.succeeded", "payment_intent.payment_failed", "charge.refunded");
        await StatusAsync("stripe", EndpointStatus.Ok, WithinOneInterval);
        // Cleared by itself: rounds after the one that found it ok warn no more.
        var warned = Warnings("stripe").Count;
        await Task.Delay(3 * Interval, TestContext.Current.CancellationToken); // three more rounds of checks
        Warnings("stripe").Count.ShouldBe(warned, "no warning for stripe once its endpoint is ok");
        _metrics.Tagged(Checks, "source=stripe", $"status={EndpointStatus.Ok}").ShouldBeGreaterThan(0);
        GaugedStatuses("stripe").ShouldBe([EndpointStatus.Ok], "the gauge's missing clears once the endpoint is ok");
        var liqPay = await StatusAsync("liqpay", EndpointStatus.NotCheckable, WithinOneInterval);
        liqPay.Provider.ShouldBe("liqpay");

        (await _provider.SetWebhookEndpointDisabledAsync(id, disabled: true)).ShouldBe("disabled");
        await StatusAsync("stripe", EndpointStatus.Disabled, WithinOneInterval);
        (await _provider.SetWebhookEndpointDisabledAsync(id, disabled: false)).ShouldBe("enabled");
        await StatusAsync("stripe", EndpointStatus.Ok, WithinOneInterval);

        await _provider.DeleteWebhookEndpointAsync(id);
        await StatusAsync("stripe", EndpointStatus.Missing, WithinOneInterval);
        await _provider.CreateWebhookEndpointAsync(Url, "*");
        var ok = await StatusAsync("stripe", EndpointStatus.Ok, WithinOneInterval);
        ok.MissingEvents.ShouldBeEmpty();

        var report = await _client.GetFromJsonAsync<ReconciliationReport>(
            $"/reconciliation/report?from={DateTimeOffset.UtcNow.AddHours(-1):O}&to={DateTimeOffset.UtcNow:O}".Replace("+", "%2B", StringComparison.Ordinal),
            TestContext.Current.CancellationToken);
        report!.Endpoints.ShouldNotBeNull().Select(e => (e.Source, e.Status)).ShouldBe(
            [("liqpay", EndpointStatus.NotCheckable), ("stripe", EndpointStatus.Ok)]);
        _metrics.Tagged(Checks, "source=liqpay", $"status={EndpointStatus.NotCheckable}").ShouldBeGreaterThan(0);

        await _provider.Process.KillAsync();
        await StatusAsync("stripe", EndpointStatus.Unreachable, WithinOneInterval + TimeSpan.FromSeconds(3)); // plus the client's retries
        // The report cannot read the provider now (503), and still shows the endpoints: that is when they matter.
        using var refused = await _client.GetAsync(
            $"/reconciliation/report?from={DateTimeOffset.UtcNow.AddHours(-1):O}&to={DateTimeOffset.UtcNow:O}".Replace("+", "%2B", StringComparison.Ordinal),
            TestContext.Current.CancellationToken);
        refused.StatusCode.ShouldBe(System.Net.HttpStatusCode.ServiceUnavailable);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        problem.GetProperty("endpoints").EnumerateArray().Select(e => (e.GetProperty("source").GetString(), e.GetProperty("status").GetString()))
            .ShouldBe([("liqpay", EndpointStatus.NotCheckable), ("stripe", EndpointStatus.Unreachable)]);
    }

    [Fact]
    public async Task Should_name_the_event_types_it_is_not_subscribed_to()
    {
        await _provider.CreateWebhookEndpointAsync(Url, "payment_intent.succeeded");

        var report = await StatusAsync("stripe", EndpointStatus.EventsMissing, WithinOneInterval);

        report.MissingEvents.ShouldBe(["payment_intent.payment_failed", "charge.refunded"]);
        // The answer's shape, as operators' tooling reads it: exactly these names, in this spelling.
        var answer = await _client.GetFromJsonAsync<JsonElement>("/reconciliation/endpoints", TestContext.Current.CancellationToken);
        var stripe = answer.EnumerateArray().Single(e => e.GetProperty("source").GetString() == "stripe");
        stripe.EnumerateObject().Select(p => p.Name).ShouldBe(["source", "provider", "url", "status", "missingEvents", "checkedAt"]);
        stripe.GetProperty("status").GetString().ShouldBe("events_missing");
        stripe.GetProperty("missingEvents").EnumerateArray().Select(e => e.GetString()).ShouldBe(["payment_intent.payment_failed", "charge.refunded"]);
    }

    [Fact]
    public async Task Should_tell_an_endpoint_on_another_address_from_a_missing_one()
    {
        await _provider.CreateWebhookEndpointAsync("http://127.0.0.1:5998/webhooks/stripe", "*");

        await StatusAsync("stripe", EndpointStatus.UrlMismatch, WithinOneInterval);
    }

    /// <summary>The warnings the endpoint check logged for <paramref name="source"/>.</summary>
    private List<string> Warnings(string source) =>
        [.. _logs.Entries.Where(e => e.StartsWith("Warning ", StringComparison.Ordinal) && e.Contains($"Webhook endpoint of source {source} ", StringComparison.Ordinal))];

    /// <summary>The statuses payments.reconciliation.endpoint.status reports for <paramref name="source"/> now (one, if all is well).</summary>
    private string?[] GaugedStatuses(string source) =>
        [.. _metrics.Observe().Where(tags => tags.GetValueOrDefault("source") == source).Select(tags => tags.GetValueOrDefault("status"))];

    /// <summary>Polls until the source shows <paramref name="status"/>, and fails if that took longer than <paramref name="within"/>.</summary>
    private async Task<EndpointReport> StatusAsync(string source, string status, TimeSpan within)
    {
        var started = Stopwatch.GetTimestamp();
        var report = await Eventually.ValueAsync(
            async () => (await _client.GetFromJsonAsync<List<EndpointReport>>("/reconciliation/endpoints", TestContext.Current.CancellationToken))!
                .SingleOrDefault(r => r.Source == source),
            r => r?.Status == status,
            within + TimeSpan.FromSeconds(5), $"{source} to be reported {status}", TestContext.Current.CancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        elapsed.ShouldBeLessThan(within, $"{source} was reported {status} after {elapsed.TotalMilliseconds:0} ms");
        return report!;
    }
}
