using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.Contracts;
using Payments.Messaging;
using Payments.Operations.Tests.Infrastructure;
using Payments.Operations.Timeline;
using Payments.ServiceDefaults.Security;
using Payments.Testing;
using Payments.Testing.Messaging;
using Payments.Testing.Security;

namespace Payments.Operations.Tests.Timeline;

/// <summary>
/// A paid order's story through the real Orders, Notifications and Reconciliation: created through Orders' API, paid by
/// a webhook the provider delivered twice, emailed. Operations calls them with the operator's own token, which carries
/// their audiences too.
/// </summary>
[Collection(StoryCollection.Name)]
public sealed class When_an_operator_reads_a_payments_timeline(StorySystem system) : IAsyncLifetime
{
    private const string Jaeger = "http://jaeger.test:16686";

    private OperationsApp _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync() => (_app, _client) = await system.StartOperationsAsync(Settings);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Should_show_the_webhook_with_its_duplicate_absorbed_the_transition_and_the_email_with_their_traces()
    {
        var (orderId, webhook) = await PaidOrderAsync();

        var timeline = await Eventually.ValueAsync(() => TimelineAsync(_client, orderId),
            t => t.Steps.Any(s => s is { Kind: "email" } && s.Summary.Contains("sent", StringComparison.Ordinal))
                 && t.Orders!.Events.Single().Duplicates == 1
                 && t.Reconciliation is not null, // Reconciliation learns of the payment from Orders' events, in its own time
            TimeSpan.FromSeconds(60), "the email to be sent, the duplicate to be counted and Reconciliation to watch the payment",
            TestContext.Current.CancellationToken);

        (timeline.OrderId, timeline.Status).ShouldBe((orderId, "paid"));
        timeline.Unavailable.ShouldBeEmpty();
        var received = timeline.Steps.Single(s => s.Kind == "webhook");
        received.Summary.ShouldContain(webhook.ProviderEventId);
        received.Summary.ShouldContain("1 duplicate delivery absorbed");
        received.Ref.ShouldBe(webhook.EventId.ToString());
        timeline.Steps.Where(s => s.Kind == "transition").Select(s => s.Summary[..s.Summary.IndexOf(':', StringComparison.Ordinal)])
            .ShouldBe(["Created as awaiting_payment through the API", $"awaiting_payment → paid by webhook event {webhook.ProviderEventId}"]);
        var paid = timeline.Steps.Single(s => s.Kind == "transition" && s.Ref == webhook.EventId.ToString());
        var email = timeline.Steps.Single(s => s.Kind == "email");
        email.Service.ShouldBe("notifications");
        email.Summary.ShouldStartWith("paid email sent after 1 attempt");

        // The webhook's consume span recorded the event and the move; the email continues that trace through the outbox.
        paid.TraceId.ShouldNotBeNull().ShouldMatch("^[0-9a-f]{32}$");
        received.TraceId.ShouldBe(paid.TraceId);
        email.TraceId.ShouldBe(paid.TraceId);
        paid.TraceUrl.ShouldBe($"{Jaeger}/trace/{paid.TraceId}");
        timeline.Steps.Select(s => s.At).ShouldBeInOrder();
        timeline.Reconciliation.ShouldNotBeNull().PaymentId.ShouldBe(timeline.Orders!.PaymentId);
    }

    [Fact]
    public async Task Should_answer_what_the_others_gave_and_name_the_service_that_is_down()
    {
        var (orderId, _) = await PaidOrderAsync();
        var (partialApp, partial) = await system.StartOperationsAsync(
            new Dictionary<string, string?>(Settings) { ["Operations:Services:Notifications:BaseUrl"] = OperationsApp.Unreachable });
        await using var _ = partialApp;

        var timeline = await Eventually.ValueAsync(() => TimelineAsync(partial, orderId), t => t.Status == "paid",
            TimeSpan.FromSeconds(60), "the order to be paid", TestContext.Current.CancellationToken);

        timeline.Unavailable.ShouldBe(["notifications"]);
        timeline.Notifications.ShouldBeNull();
        timeline.Steps.Select(s => s.Kind).Distinct().ShouldBe(["transition", "webhook"], ignoreOrder: true);
    }

    [Fact]
    public async Task Should_find_the_order_by_a_provider_event_id_and_answer_404_for_an_unknown_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var (orderId, webhook) = await PaidOrderAsync();
        var found = await Eventually.ValueAsync(
            async () => await _client.GetAsync(new Uri($"/api/payments/lookup?q={webhook.ProviderEventId}", UriKind.Relative), ct),
            r => r.IsSuccessStatusCode, TimeSpan.FromSeconds(30), "the webhook to be recorded", ct);
        (await found.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("orderId").GetGuid().ShouldBe(orderId);

        (await _client.GetAsync(new Uri("/api/payments/lookup?q=evt_nobody_sent_this", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _client.GetAsync(new Uri("/api/payments/lookup?q=", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _client.GetAsync(new Uri($"/api/payments/{Guid.NewGuid()}/timeline", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _client.GetAsync(new Uri("/api/payments/42/timeline", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Should_refuse_a_caller_without_a_token_or_without_the_operator_scope()
    {
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = _app.CreateClient();
        using var reader = _app.CreateClient();
        reader.DefaultRequestHeaders.Authorization = TestTokens.Bearer(ApiAudiences.Operations, Scopes.OrdersRead);
        foreach (var path in new[] { $"/api/payments/{Guid.NewGuid()}/timeline", "/api/payments/lookup?q=x" })
        {
            (await anonymous.GetAsync(new Uri(path, UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await reader.GetAsync(new Uri(path, UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Operations:Jaeger:BaseUrl"] = Jaeger,
        ["Operations:Timeline:ServiceTimeout"] = "00:00:02",
    };

    /// <summary>An order created through Orders' API, then its payment's "succeeded" webhook delivered twice, as the ingress publishes it.</summary>
    private async Task<(Guid OrderId, PaymentEventReceived Webhook)> PaidOrderAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        using var orders = new HttpClient { BaseAddress = new Uri(system.Orders.BaseUrl) };
        orders.DefaultRequestHeaders.Authorization = TestTokens.Bearer(ApiAudiences.Orders, Scopes.OrdersWrite);
        using var created = await orders.PostAsJsonAsync("/orders", new { amountMinor = 4200, currency = "EUR", customerEmail = "buyer@example.com" }, ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(ct));
        var order = await created.Content.ReadFromJsonAsync<JsonElement>(ct);
        var orderId = order.GetProperty("id").GetGuid();
        var paymentId = order.GetProperty("payment").GetProperty("paymentId").GetString()!;

        var providerEventId = "evt_" + Guid.NewGuid().ToString("N")[..20];
        var now = DateTimeOffset.UtcNow;
        var webhook = new PaymentEventReceived(EventIds.From("stripe", providerEventId), "stripe", "stripe", providerEventId, PaymentEventKind.Succeeded,
            paymentId, orderId.ToString(), 4200, "EUR", now, now);
        await using var bus = await TestBus.ConnectAsync(system.Broker);
        await bus.PublishAsync(webhook);
        await bus.PublishAsync(webhook);
        return (orderId, webhook);
    }

    private static async Task<PaymentTimeline> TimelineAsync(HttpClient client, Guid orderId) =>
        (await client.GetFromJsonAsync<PaymentTimeline>($"/api/payments/{orderId}/timeline", TestContext.Current.CancellationToken))!;
}
