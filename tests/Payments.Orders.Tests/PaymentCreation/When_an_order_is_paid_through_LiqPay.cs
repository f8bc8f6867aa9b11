using System.Net;
using System.Net.Http.Json;
using Payments.Contracts;
using Payments.Orders.Ordering;
using Payments.Orders.Tests.Infrastructure;
using Payments.Testing;

namespace Payments.Orders.Tests.PaymentCreation;

/// <summary>
/// An Orders whose provider is LiqPay (Provider:Api liqpay): the customer pays at LiqPay's checkout for our order id, so
/// the payment is the order's own id, recorded and announced at once without calling anything; LiqPay's callbacks name
/// it so (the ingress maps their order_id), and each attempt's callback moves the order.
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class When_an_order_is_paid_through_LiqPay(Infrastructure.Infrastructure infrastructure) : IAsyncLifetime
{
    private OrdersScenario _scenario = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _scenario = await OrdersScenario.CreateAsync(infrastructure,
        new Dictionary<string, string?> { ["Provider:Api"] = "liqpay" });

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Should_record_the_order_id_as_the_payment_and_announce_it_without_calling_a_provider()
    {
        var watch = await _scenario.Bus.WatchAsync(typeof(OrderCreated));

        var response = await _scenario.Client.PostAsJsonAsync("/orders", new { amountMinor = 15000, currency = "UAH", customerEmail = "olena@example.com" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var order = (await response.Content.ReadFromJsonAsync<OrderResponse>(Ct))!;
        order.Payment.ShouldBe(new PaymentDetails("liqpay", order.Id.ToString("D")));
        var created = await Eventually.ValueAsync(() => _scenario.Bus.DrainAsync(watch), m => m.Count > 0, TimeSpan.FromSeconds(15), "OrderCreated", Ct);
        created.Single().Message.GetProperty("provider").GetString().ShouldBe("liqpay");
        created.Single().Message.GetProperty("paymentId").GetString().ShouldBe(order.Id.ToString("D"));
        await Task.Delay(1500, Ct); // past Provider:FallbackDelay (1 s): the deferred command must have been cancelled
        _scenario.Provider.Calls.ShouldBe(0);
        (await _scenario.App.ScalarAsync<long>("SELECT count(*) FROM messaging.outbox")).ShouldBe(0);
    }

    [Fact]
    public async Task Should_take_a_declined_attempt_and_then_the_paid_one()
    {
        var order = await _scenario.CreateOrderAsync(15000, "UAH");

        await _scenario.Bus.PublishAsync(LiqPay(order.Id, PaymentEventKind.Failed, "2000000001:pay:failure"));
        await Eventually.TrueAsync(async () => (await _scenario.GetOrderAsync(order.Id)).Status == "payment_failed",
            TimeSpan.FromSeconds(20), "the declined attempt to fail the order", Ct);
        await _scenario.Bus.PublishAsync(LiqPay(order.Id, PaymentEventKind.Succeeded, "2000000002:pay:success"));

        var paid = await Eventually.ValueAsync(() => _scenario.GetOrderAsync(order.Id), o => o.Status == "paid",
            TimeSpan.FromSeconds(20), "the paid attempt to pay the order", Ct);
        paid.AttentionReason.ShouldBeNull();
        paid.History.Select(h => h.ProviderEventId).ShouldBe(["2000000001:pay:failure", "2000000002:pay:success"]);
    }

    /// <summary>A callback as the ingress publishes it: LiqPay's order_id is the payment; its payment_id is in the event id.</summary>
    private static PaymentEventReceived LiqPay(Guid orderId, PaymentEventKind kind, string providerEventId) =>
        new(Guid.NewGuid(), "liqpay", "liqpay", providerEventId, kind, orderId.ToString("D"), orderId.ToString("D"), 15000, "UAH",
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
}
