using System.Net;
using System.Diagnostics;
using System.Net.Http.Json;
using Payments.Contracts;
using Payments.Orders.Story;
using Payments.Orders.Tests.Infrastructure;
using Payments.ServiceDefaults.Security;
using Payments.Testing;
using Payments.Testing.Security;

namespace Payments.Orders.Tests.Story;

[Collection(OrdersCollection.Name)]
public sealed class When_an_operator_reads_an_orders_story(Infrastructure.Infrastructure infrastructure) : IAsyncLifetime
{
    // Spans are created only when someone listens (an OTLP exporter in production): here, this listener.
    private readonly ActivityListener _tracing = new()
    {
        ShouldListenTo = _ => true,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    private OrdersScenario _scenario = null!;

    public async ValueTask InitializeAsync()
    {
        ActivitySource.AddActivityListener(_tracing);
        _scenario = await OrdersScenario.CreateAsync(infrastructure);
    }

    public async ValueTask DisposeAsync()
    {
        await _scenario.DisposeAsync();
        _tracing.Dispose();
    }

    [Fact]
    public async Task Should_show_the_webhook_with_its_absorbed_redeliveries_and_each_transition_with_its_cause_and_trace()
    {
        var order = await _scenario.CreateOrderAsync(4200, "EUR");
        var succeeded = Infrastructure.PaymentEvents.For(order.Id, PaymentEventKind.Succeeded, 4200, "EUR", order.Payment!.PaymentId);
        for (var i = 0; i < 3; i++)
        {
            await _scenario.Bus.PublishAsync(succeeded);
        }

        var story = await Eventually.ValueAsync(() => GetStoryAsync(order.Id), s => s.Events.Count == 1 && s.Events[0].Duplicates == 2,
            TimeSpan.FromSeconds(30), "the event and its two absorbed redeliveries", TestContext.Current.CancellationToken);

        story.Status.ShouldBe("paid");
        var received = story.Events.ShouldHaveSingleItem();
        (received.EventId, received.Source, received.Kind, received.ProviderEventId).ShouldBe((succeeded.EventId, "stripe", "Succeeded", succeeded.ProviderEventId));
        received.TraceId.ShouldNotBeNull().ShouldMatch("^[0-9a-f]{32}$");
        story.Transitions.Select(t => (t.From, t.To, t.Cause)).ShouldBe([(null, "awaiting_payment", "api"), ("awaiting_payment", "paid", "webhook")]);
        story.Transitions[0].TraceId.ShouldNotBeNull().ShouldMatch("^[0-9a-f]{32}$");
        story.Transitions[1].EventId.ShouldBe(succeeded.EventId);
        story.Transitions[1].TraceId.ShouldBe(received.TraceId);
    }

    [Fact]
    public async Task Should_find_the_order_by_its_id_its_payment_id_and_a_provider_event_id()
    {
        var order = await _scenario.CreateOrderAsync(4200, "EUR");
        var succeeded = Infrastructure.PaymentEvents.For(order.Id, PaymentEventKind.Succeeded, 4200, "EUR", order.Payment!.PaymentId);
        await _scenario.Bus.PublishAsync(succeeded);
        await Eventually.ValueAsync(() => GetStoryAsync(order.Id), s => s.Events.Count == 1, TimeSpan.FromSeconds(30), "the event to be recorded",
            TestContext.Current.CancellationToken);

        (await LookupAsync(order.Id.ToString())).ShouldBe(new OrderLookup(order.Id, "order_id"));
        (await LookupAsync(order.Payment.PaymentId)).ShouldBe(new OrderLookup(order.Id, "payment_id"));
        (await LookupAsync(succeeded.ProviderEventId)).ShouldBe(new OrderLookup(order.Id, "provider_event_id"));
    }

    [Fact]
    public async Task Should_answer_404_for_an_unknown_order_and_400_for_bad_input()
    {
        var ct = TestContext.Current.CancellationToken;
        (await _scenario.Client.GetAsync(new Uri($"/admin/orders/{Guid.NewGuid()}/story", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _scenario.Client.GetAsync(new Uri("/admin/orders/lookup?q=evt_nobody_sent_this", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _scenario.Client.GetAsync(new Uri("/admin/orders/not-a-uuid/story", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _scenario.Client.GetAsync(new Uri("/admin/orders/lookup?q=", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Should_refuse_a_caller_without_a_token_or_without_the_operator_scope()
    {
        var ct = TestContext.Current.CancellationToken;
        var order = await _scenario.CreateOrderAsync();
        using var anonymous = _scenario.App.CreateClient();
        using var reader = _scenario.App.CreateClient();
        reader.DefaultRequestHeaders.Authorization = TestTokens.Bearer(ApiAudiences.Orders, Scopes.OrdersRead);

        foreach (var path in new[] { $"/admin/orders/{order.Id}/story", $"/admin/orders/lookup?q={order.Id}" })
        {
            (await anonymous.GetAsync(new Uri(path, UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await reader.GetAsync(new Uri(path, UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    private async Task<OrderStory> GetStoryAsync(Guid id) =>
        (await _scenario.Client.GetFromJsonAsync<OrderStory>($"/admin/orders/{id}/story", TestContext.Current.CancellationToken))!;

    private async Task<OrderLookup> LookupAsync(string q) =>
        (await _scenario.Client.GetFromJsonAsync<OrderLookup>($"/admin/orders/lookup?q={Uri.EscapeDataString(q)}", TestContext.Current.CancellationToken))!;
}
