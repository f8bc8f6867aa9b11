using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.Contracts;
using Payments.Orders.Ordering;
using Payments.Orders.Tests.Infrastructure;
using Payments.Testing;

namespace Payments.Orders.Tests.Http;

[Collection(OrdersCollection.Name)]
public sealed class When_an_order_is_created(Infrastructure.Infrastructure infrastructure) : OrdersTest(infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_answer_201_with_the_payment_created_at_the_provider_and_announce_it()
    {
        var watch = await Scenario.Bus.WatchAsync(typeof(OrderCreated));

        var response = await Scenario.Client.PostAsJsonAsync("/orders", new { amountMinor = 1999, currency = "usd", customerEmail = "ann@example.com" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var order = (await response.Content.ReadFromJsonAsync<OrderResponse>(Ct))!;
        response.Headers.Location!.ToString().ShouldBe($"/orders/{order.Id}");
        order.Status.ShouldBe("awaiting_payment");
        order.Currency.ShouldBe("USD");
        order.Payment.ShouldNotBeNull().PaymentId.ShouldStartWith("pi_");
        var created = await Eventually.ValueAsync(() => Scenario.Bus.DrainAsync(watch), m => m.Count > 0, TimeSpan.FromSeconds(15), "OrderCreated", Ct);
        created.Single().Message.GetProperty("paymentId").GetString().ShouldBe(order.Payment.PaymentId);
        await Task.Delay(1500, Ct); // past Provider:FallbackDelay (1 s): the deferred command must have been cancelled
        Scenario.Provider.Calls.ShouldBe(1);
        (await Scenario.App.ScalarAsync<long>("SELECT count(*) FROM messaging.outbox")).ShouldBe(0);
    }

    [Fact]
    public async Task Should_replay_the_same_order_for_the_same_idempotency_key_and_refuse_another_body()
    {
        var first = await PostAsync(new { amountMinor = 500, currency = "EUR", customerEmail = "bo@example.com" }, "key-1");
        var again = await PostAsync(new { amountMinor = 500, currency = "EUR", customerEmail = "bo@example.com" }, "key-1");
        var other = await PostAsync(new { amountMinor = 501, currency = "EUR", customerEmail = "bo@example.com" }, "key-1");

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await Id(again)).ShouldBe(await Id(first));
        other.StatusCode.ShouldBe((HttpStatusCode)422);
        (await Scenario.App.ScalarAsync<long>("SELECT count(*) FROM orders.orders")).ShouldBe(1);
    }

    [Fact]
    public async Task Should_answer_400_naming_each_invalid_field()
    {
        var response = await PostAsync(new { amountMinor = -1, currency = "EURO", customerEmail = "Ann <ann@example.com>" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var errors = problem.RootElement.GetProperty("errors");
        errors.TryGetProperty("amountMinor", out _).ShouldBeTrue();
        errors.TryGetProperty("currency", out _).ShouldBeTrue();
        errors.TryGetProperty("customerEmail", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Should_answer_400_for_a_body_that_is_not_json()
    {
        var response = await Scenario.Client.PostAsync("/orders", new StringContent("{nope", System.Text.Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Should_answer_404_for_an_unknown_order_and_400_for_a_malformed_id()
    {
        (await Scenario.Client.GetAsync($"/orders/{Guid.NewGuid()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var bad = await Scenario.Client.GetAsync("/orders/not-a-uuid", Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        bad.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Should_still_create_the_order_when_the_provider_is_down_and_create_the_payment_from_the_outbox()
    {
        var watch = await Scenario.Bus.WatchAsync(typeof(OrderCreated));
        // Down until told otherwise: the inline call's retries and the deferred command (Provider:FallbackDelay)
        // both fail, whatever their timing, so the answer cannot carry a payment.
        Scenario.Provider.FailNext(int.MaxValue);

        var order = await Scenario.CreateOrderAsync(700, "EUR");

        order.Payment.ShouldBeNull();
        Scenario.Provider.FailNext(0);
        var recorded = await Eventually.ValueAsync(() => Scenario.GetOrderAsync(order.Id), o => o.Payment is not null,
            TimeSpan.FromSeconds(30), "the payment to be created from the outbox", Ct);
        recorded.Payment!.PaymentId.ShouldStartWith("pi_");
        var created = await Eventually.ValueAsync(() => Scenario.Bus.DrainAsync(watch), m => m.Count > 0, TimeSpan.FromSeconds(15), "OrderCreated", Ct);
        created.Single().Message.GetProperty("orderId").GetGuid().ShouldBe(order.Id);
        Scenario.Provider.IntentsCreated.ShouldBe(1);
    }

    [Fact]
    public async Task Should_retry_one_transient_provider_failure_inline_and_answer_with_the_payment()
    {
        Scenario.Provider.FailNext(1);

        var order = await Scenario.CreateOrderAsync(800, "EUR");

        // The resilience handler's retry, within the request: the answer carries the payment, and the two calls
        // (one failed, one created) made a single intent, as both carried the order's Idempotency-Key.
        order.Payment.ShouldNotBeNull().PaymentId.ShouldStartWith("pi_");
        Scenario.Provider.Calls.ShouldBeGreaterThanOrEqualTo(2);
        Scenario.Provider.IntentsCreated.ShouldBe(1);
    }

    private Task<HttpResponseMessage> PostAsync(object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/orders") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return Scenario.Client.SendAsync(request, Ct);
    }

    private static async Task<Guid> Id(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<OrderResponse>(Ct))!.Id;
}
