using System.Net.Http.Json;
using Payments.Contracts;
using Payments.Reconciliation.Report;
using Payments.Reconciliation.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Messaging;

namespace Payments.Reconciliation.Tests.Report;

/// <summary>
/// A provider of its own (so its listing holds only this test's payments) and Orders' events published by the test:
/// each kind of disagreement is injected once, next to payments on which both sides agree.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_the_books_disagree(PaymentSystem system) : IAsyncLifetime
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
            ["Reconciliation:StaleAfter"] = "00:10:00",
            ["Reconciliation:GiveUpAfter"] = "01:00:00",
        });
        _bus = await TestBus.ConnectAsync(system.Broker);
    }

    [Fact]
    public async Task Should_list_exactly_the_injected_discrepancies()
    {
        var from = DateTimeOffset.UtcNow.AddHours(-3);
        var succeededNotPaid = await PaymentAsync(4200, confirm: "pm_card_visa", announced: 4200);
        var succeededUnknownToUs = await PaymentAsync(4200, confirm: "pm_card_visa", announced: null);
        var paidNotSucceeded = await PaymentAsync(4200, confirm: null, announced: 4200, paid: true);
        var amountMismatch = await PaymentAsync(5000, confirm: "pm_card_visa", announced: 4200, paid: true);
        var stuck = await PaymentAsync(4200, confirm: null, announced: 4200, createdAt: DateTimeOffset.UtcNow.AddHours(-2));
        await PaymentAsync(4200, confirm: "pm_card_visa", announced: 4200, paid: true);
        var declined = await PaymentAsync(4200, confirm: "pm_card_chargeDeclined", announced: 4200);
        await PublishAsync(new OrderPaymentStatusChanged(declined.OrderId, declined.PaymentId, OrderPaymentStatus.PaymentFailed, 4200, null, "EUR", DateTimeOffset.UtcNow, Guid.NewGuid()));
        await PaymentAsync(4200, confirm: null, announced: 4200);

        var report = await Eventually.ValueAsync(
            async () => (await _client.GetFromJsonAsync<ReconciliationReport>(
                $"/reconciliation/report?from={Format(from)}&to={Format(DateTimeOffset.UtcNow.AddMinutes(1))}", TestContext.Current.CancellationToken))!,
            r => r.TrackedPayments == 7 && r.Stuck.Count == 1,
            TimeSpan.FromSeconds(30), "our view to hold every announced payment and the stuck one", TestContext.Current.CancellationToken);

        report.ProviderPayments.ShouldBe(8);
        report.SucceededNotPaid.Select(d => d.PaymentId).ShouldBe([succeededNotPaid.PaymentId, succeededUnknownToUs.PaymentId], ignoreOrder: true);
        report.SucceededNotPaid.Single(d => d.PaymentId == succeededUnknownToUs.PaymentId).OurStatus.ShouldBeNull();
        report.PaidNotSucceeded.Select(d => d.PaymentId).ShouldBe([paidNotSucceeded.PaymentId]);
        report.AmountMismatches.Select(d => (d.PaymentId, d.OurAmountMinor, d.ProviderAmountMinor)).ShouldBe([(amountMismatch.PaymentId, 4200L, 5000L)]);
        report.Stuck.Select(d => d.PaymentId).ShouldBe([stuck.PaymentId]);

        var backwards = await _client.GetAsync(new Uri("/reconciliation/report?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", UriKind.Relative),
            TestContext.Current.CancellationToken);
        ((int)backwards.StatusCode).ShouldBe(400, "a window that ends before it starts is refused");
    }

    public async ValueTask DisposeAsync()
    {
        await _bus.DisposeAsync();
        await _app.DisposeAsync();
        await _provider.DisposeAsync();
    }

    private static string Format(DateTimeOffset time) => Uri.EscapeDataString(time.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>An intent at the provider (confirmed with the card given) and, when announced, Orders' OrderCreated for it (and the paid outcome).</summary>
    private async Task<(Guid OrderId, string PaymentId)> PaymentAsync(long providerAmount, string? confirm, long? announced, bool paid = false, DateTimeOffset? createdAt = null)
    {
        var orderId = Guid.CreateVersion7();
        var paymentId = await _provider.CreateIntentAsync(providerAmount, "EUR", orderId);
        if (confirm is not null)
        {
            await _provider.ConfirmAsync(paymentId, confirm);
        }

        if (announced is { } amount)
        {
            await PublishAsync(new OrderCreated(orderId, "stripe", paymentId, amount, "EUR", null, createdAt ?? DateTimeOffset.UtcNow));
            if (paid)
            {
                await PublishAsync(new OrderPaymentStatusChanged(orderId, paymentId, OrderPaymentStatus.Paid, amount, null, "EUR", DateTimeOffset.UtcNow, Guid.NewGuid()));
            }
        }

        return (orderId, paymentId);
    }

    private Task PublishAsync<T>(T message) where T : class => _bus.PublishAsync(message, typeof(T), Guid.NewGuid());
}
