using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Payments.Contracts;
using Payments.Reconciliation.Checks;
using Payments.Reconciliation.Diagnostics;
using Payments.Reconciliation.Tests.Infrastructure;
using Payments.ServiceDefaults.Security;
using Payments.Testing;
using Payments.Testing.Messaging;
using Payments.Testing.Security;

namespace Payments.Reconciliation.Tests.Checks;

/// <summary>
/// A provider of its own and Orders' OrderCreated published by the test, for a payment that succeeded without a webhook.
/// Tracing is on for Reconciliation's checks (a listener samples them, as an OTLP exporter would).
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_an_operator_reads_a_payments_checks(PaymentSystem system) : IAsyncLifetime
{
    private Simulator _provider = null!;
    private ReconciliationApp _app = null!;
    private HttpClient _client = null!;
    private TestBus _bus = null!;

    public async ValueTask InitializeAsync()
    {
        _provider = await Simulator.StartAsync();
        (_app, _client) = await ReconciliationApp.StartAsync(system.Broker, system.Postgres, _provider.BaseUrl, new Dictionary<string, string?>
        {
            ["Reconciliation:Interval"] = "00:00:00.500",
            ["Reconciliation:StaleAfter"] = "00:00:01",
        });
        _bus = await TestBus.ConnectAsync(system.Broker);
    }

    public async ValueTask DisposeAsync()
    {
        await _bus.DisposeAsync();
        await _app.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task Should_show_each_check_made_with_its_trace_and_the_finding_announced()
    {
        using var tracing = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ReconciliationTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(tracing);
        var orderId = Guid.CreateVersion7();
        var paymentId = await _provider.CreateIntentAsync(4200, "EUR", orderId);
        await _provider.ConfirmAsync(paymentId, "pm_card_visa");
        await _bus.PublishAsync(new OrderCreated(orderId, "stripe", paymentId, 4200, "EUR", null, DateTimeOffset.UtcNow.AddMinutes(-5)),
            typeof(OrderCreated), Guid.NewGuid());

        var checks = await Eventually.ValueAsync(
            async () => (await _client.GetAsync(new Uri($"/admin/payments/{orderId}/checks", UriKind.Relative))) is { IsSuccessStatusCode: true } ok
                ? await ok.Content.ReadFromJsonAsync<PaymentChecks>() : null,
            c => c is { Findings.Count: 1 }, TimeSpan.FromSeconds(30), "a check to find the payment succeeded", TestContext.Current.CancellationToken);

        (checks!.PaymentId, checks.Provider).ShouldBe((paymentId, "stripe"));
        checks.Checks.ShouldBeGreaterThanOrEqualTo(1);
        checks.LastCheckedAt.ShouldNotBeNull();
        checks.ProviderStatus.ShouldNotBeNull();
        var finding = checks.Findings.ShouldHaveSingleItem();
        (finding.PaymentId, finding.Kind, finding.AmountMinor).ShouldBe((paymentId, nameof(PaymentEventKind.Succeeded), 4200L));

        checks.History.Count(c => c.Error is null).ShouldBe(checks.Checks, "one row per check that got an answer");
        checks.History.Select(c => c.CheckedAt).ShouldBeInOrder();
        var last = checks.History.Last(c => c.Error is null);
        (last.CheckedAt, last.ProviderStatus).ShouldBe((checks.LastCheckedAt.Value, checks.ProviderStatus));
        checks.History.ShouldAllBe(c => c.TraceId != null && c.TraceId.Length == 32);
        checks.History.Select(c => c.TraceId).ShouldBeUnique("each check is a trace of its own");
        checks.History.Select(c => c.TraceId).ShouldContain(finding.TraceId, "the finding carries on the trace of the check that found it");
    }

    [Fact]
    public async Task Should_answer_404_for_a_payment_it_never_heard_of_and_400_for_a_malformed_id()
    {
        var ct = TestContext.Current.CancellationToken;
        (await _client.GetAsync(new Uri($"/admin/payments/{Guid.NewGuid()}/checks", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _client.GetAsync(new Uri("/admin/payments/42/checks", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Should_refuse_a_caller_without_a_token_or_without_the_operator_scope()
    {
        var ct = TestContext.Current.CancellationToken;
        var url = new Uri($"/admin/payments/{Guid.NewGuid()}/checks", UriKind.Relative);
        using var anonymous = _app.CreateClient();
        using var reader = _app.CreateClient();
        reader.DefaultRequestHeaders.Authorization = TestTokens.Bearer(ApiAudiences.Reconciliation, Scopes.OrdersRead);

        (await anonymous.GetAsync(url, ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await reader.GetAsync(url, ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
