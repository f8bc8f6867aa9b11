using Microsoft.Extensions.DependencyInjection;
using Payments.Reconciliation.Providers;
using Payments.Reconciliation.Tests.Infrastructure;

namespace Payments.Reconciliation.Tests.Providers;

/// <summary>The LiqPay client's signed status request against the simulator's LiqPay API (a payment named by our order id).</summary>
[Collection(SystemCollection.Name)]
public sealed class When_liqpay_is_asked_for_a_status(PaymentSystem system) : IAsyncLifetime
{
    private ReconciliationApp _app = null!;

    public async ValueTask InitializeAsync() =>
        (_app, _) = await ReconciliationApp.StartAsync(system.Broker, system.Postgres, system.Simulator.BaseUrl,
            new Dictionary<string, string?> { ["Reconciliation:Interval"] = "01:00:00" });

    [Fact]
    public async Task Should_read_the_payment_as_succeeded_then_refunded()
    {
        var orderId = Guid.CreateVersion7();
        var paymentId = await system.Simulator.CreateIntentAsync(4250, "UAH", orderId);
        await system.Simulator.ConfirmAsync(paymentId, "pm_card_visa");
        using var scope = _app.Services.CreateScope();
        var liqPay = scope.ServiceProvider.GetRequiredService<ProviderClients>().For("liqpay").ShouldNotBeNull();

        var paid = await liqPay.GetAsync(new PaymentReference(paymentId, orderId), TestContext.Current.CancellationToken);
        await system.Simulator.RefundAsync(paymentId);
        var refunded = await liqPay.GetAsync(new PaymentReference(paymentId, orderId), TestContext.Current.CancellationToken);

        (paid.Status, paid.AmountMinor, paid.Currency, paid.OrderId).ShouldBe((ProviderStatus.Succeeded, 4250L, "UAH", orderId.ToString()));
        (refunded.Status, refunded.RefundedMinor).ShouldBe((ProviderStatus.Refunded, 4250L));
    }

    [Fact]
    public async Task Should_call_an_order_it_does_not_know_missing()
    {
        using var scope = _app.Services.CreateScope();
        var liqPay = scope.ServiceProvider.GetRequiredService<ProviderClients>().For("liqpay").ShouldNotBeNull();
        (await liqPay.GetAsync(new PaymentReference("pi_none", Guid.NewGuid()), TestContext.Current.CancellationToken)).Status.ShouldBe(ProviderStatus.Missing);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
