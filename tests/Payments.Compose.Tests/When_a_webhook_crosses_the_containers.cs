using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.Compose.Tests.Compose;
using Payments.Compose.Tests.Driving;
using Payments.Testing;
using Payments.Testing.Webhooks;

namespace Payments.Compose.Tests;

/// <summary>
/// One signed webhook sent to the ingress container, read back as the jaeger container shows it: the spans each
/// service container exported over OTLP to http://jaeger:4318, through Jaeger's query API (real Jaeger or the stand-in).
/// </summary>
[Collection(ComposeCollection.Name)]
public sealed class When_a_webhook_crosses_the_containers(RunningSystem system) : IClassFixture<RunningSystem>
{
    // docker-compose.yml's OTEL_SERVICE_NAME of each container.
    private const string Ingress = "ingress";
    private const string Orders = "orders";
    private const string Notifications = "notifications";
    private const string Reconciliation = "reconciliation";

    // The services export in batches (every 5 s by default): a few batches from each.
    private static readonly TimeSpan TelemetryTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_show_as_one_trace_across_ingress_orders_and_notifications()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var apis = new SystemApis(system.Project);
        var eventId = await PayAnOrderAsync(apis, cancellationToken);

        var trace = await Eventually.ValueAsync(async () => await TraceOfAsync(apis.Jaeger, eventId, cancellationToken),
            // Each service exports on its own batch timer: Notifications' spans may arrive before Orders' (their parents),
            // so wait for the whole tree (one root), not only for its last span.
            t => t is not null && t.Spans.Any(s => s.Service == Notifications && s.OperationName == "notification send") && t.Roots.Count() == 1,
            TelemetryTimeout, $"Jaeger to show event {eventId}'s whole trace (one root) down to the email's send", cancellationToken);
        var tree = trace!.ToString();
        TestContext.Current.SendDiagnosticMessage(tree);

        trace.Spans.ShouldAllBe(s => s.TraceId == trace.TraceId, tree);
        var root = trace.Roots.ShouldHaveSingleItem(tree);
        root.Service.ShouldBe(Ingress, tree);
        root.OperationName.ShouldBe("POST /webhooks/{source}", tree);

        var publish = trace.Spans.Where(s => s.Service == Ingress && s.Tag("messaging.message.id") == eventId.ToString()).ShouldHaveSingleItem(tree);
        var consume = trace.ChildrenOf(publish).ShouldHaveSingleItem(tree);
        consume.Service.ShouldBe(Orders, tree);
        var underConsume = trace.DescendantsOf(consume).ToList();
        underConsume.ShouldContain(s => s.Service == Notifications && s.OperationName == "notification send",
            "the email's send continues the trace of the order's change\n" + tree);
        // Reconciliation joins the trace too when it takes the order's status change (it watches the payment).
        trace.Services.ShouldBeSubsetOf([Ingress, Orders, Notifications, Reconciliation], tree);
        trace.Services.ShouldContain(Notifications, tree);
        (await apis.Jaeger.ServicesAsync(cancellationToken)).ShouldContain(Notifications);
    }

    private static async Task<Guid> PayAnOrderAsync(SystemApis apis, CancellationToken cancellationToken)
    {
        using var http = ComposeTokens.ClientHttp(TimeSpan.FromSeconds(10));
        using var created = await http.PostAsJsonAsync($"{apis.OrdersUrl}/orders",
            new { amountMinor = 4200, currency = "EUR", customerEmail = "ada@example.com" }, cancellationToken);
        created.EnsureSuccessStatusCode();
        var order = await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var paymentId = order.GetProperty("payment").GetProperty("paymentId").GetString()!;

        using var webhook = StripeWebhook.PaymentSucceeded(order.GetProperty("id").GetGuid(), paymentId, 4200, "EUR", Provider.StripeSecret, apis.IngressUrl);
        using var response = await http.SendAsync(webhook, cancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(cancellationToken));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("eventId").GetGuid();
    }

    /// <summary>The trace holding the ingress's publish of this event (its span carries the event id), as Jaeger shows it.</summary>
    private static async Task<JaegerTrace?> TraceOfAsync(JaegerQuery jaeger, Guid eventId, CancellationToken cancellationToken)
    {
        var traces = await jaeger.TracesAsync(Ingress, limit: 50, cancellationToken);
        var found = traces.FirstOrDefault(t => t.Spans.Any(s => s.Service == Ingress && s.Tag("messaging.message.id") == eventId.ToString()));
        return found is null ? null : await jaeger.TraceAsync(found.TraceId, cancellationToken);
    }
}
