using System.Net;
using System.Net.Http.Json;
using OpenTelemetry.Proto.Trace.V1;
using Payments.EndToEnd.Tests.Infrastructure;
using Payments.EndToEnd.Tests.Telemetry;
using Payments.Testing;
using Payments.Testing.Webhooks;

namespace Payments.EndToEnd.Tests.Tracing;

/// <summary>
/// "One trace per webhook": what an SRE sees in Jaeger for one paid webhook, checked on the spans, metrics and logs
/// the services really exported over OTLP/HTTP from their own processes.
/// </summary>
public sealed class When_a_webhook_flows_through_every_service(PaymentsSystem system) : IClassFixture<PaymentsSystem>
{
    private const string Ingress = "Payments.Ingress";
    private const string Orders = "Payments.Orders";
    private const string Notifications = "Payments.Notifications";

    private static readonly TimeSpan TelemetryTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Should_show_as_one_trace_across_every_service()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var eventId = await PayAnOrderAsync(cancellationToken);

        var trace = await Eventually.ValueAsync(
            () => Task.FromResult(TraceOf(eventId)),
            tree => tree is not null
                && tree.Spans.Any(s => s.Service == Ingress && s.Kind == Span.Types.SpanKind.Server)
                && tree.Spans.Any(s => s.Service == Orders && s.Kind == Span.Types.SpanKind.Consumer)
                && tree.Spans.Any(IsRelayPublish)
                && tree.Spans.Any(s => s.Service == Notifications && s.Kind == Span.Types.SpanKind.Consumer)
                && tree.Roots.Count() == 1
                && tree.Spans.Any(IsSmtpSend),
            TelemetryTimeout, "the webhook's trace to reach the email's SMTP send", cancellationToken);
        TestContext.Current.SendDiagnosticMessage(trace!.ToString());
        var tree = trace.ToString();

        var server = trace.Roots.ShouldHaveSingleItem(tree);
        server.Service.ShouldBe(Ingress, tree);
        server.Kind.ShouldBe(Span.Types.SpanKind.Server, tree);
        server.Name.ShouldBe("POST /webhooks/{source}", tree);
        server.Attribute("http.route").ShouldBe("/webhooks/{source}", tree);
        server.Attribute("http.response.status_code").ShouldBe("202", tree);

        var publish = trace.ChildrenOf(server).Where(s => s.Kind == Span.Types.SpanKind.Producer).ShouldHaveSingleItem(tree);
        publish.Service.ShouldBe(Ingress, tree);
        publish.Attribute("messaging.message.id").ShouldBe(eventId.ToString(), tree);

        var consume = trace.ChildrenOf(publish).ShouldHaveSingleItem(tree);
        consume.Service.ShouldBe(Orders, tree);
        consume.Kind.ShouldBe(Span.Types.SpanKind.Consumer, tree);

        var underConsume = trace.DescendantsOf(consume).ToList();
        underConsume.ShouldContain(s => s.Scope == "Npgsql", "the consumer's database work belongs to the consume span\n" + tree);
        var relay = trace.Spans.Where(IsRelayPublish).ShouldHaveSingleItem(tree);
        underConsume.ShouldContain(relay, "the relay continues the trace of the transaction that wrote the outbox row\n" + tree);

        var notify = trace.ChildrenOf(relay).ShouldHaveSingleItem(tree);
        notify.Service.ShouldBe(Notifications, tree);
        notify.Kind.ShouldBe(Span.Types.SpanKind.Consumer, tree);
        var send = trace.Spans.Where(IsSmtpSend).ShouldHaveSingleItem(tree);
        trace.DescendantsOf(notify).ShouldContain(send, "the sender continues the trace of the transaction that recorded the notification\n" + tree);

        trace.Spans.Select(s => s.Service).Distinct().ShouldBe([Ingress, Orders, Notifications], ignoreOrder: true, customMessage: tree);
    }

    [Fact]
    public async Task Should_carry_the_trace_id_on_every_services_log_records_of_it()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        // The order is created in a trace of the test's own, so its creation's records (the request, the relay of
        // OrderCreated) are told apart from the webhook's.
        var creation = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var (orderId, eventId) = await PayAnOrderAsync(cancellationToken, $"00-{creation}-{Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.NextInt64()))}-01");
        var trace = await Eventually.ValueAsync(
            () => Task.FromResult(TraceOf(eventId)),
            tree => tree is not null && tree.Spans.Any(IsSmtpSend),
            TelemetryTimeout, "the webhook's trace to reach the email's SMTP send", cancellationToken);

        var logs = (await Eventually.ValueAsync(
            () => Task.FromResult(new TraceLogs(trace!.TraceId, system.Telemetry.Logs)),
            found => found.Records.Any(l => l.Service == Ingress) && found.Records.Any(l => l.Service == Orders) && found.Records.Any(l => l.Service == Notifications),
            TelemetryTimeout, "log records of the webhook's trace from the ingress and both consuming services", cancellationToken)).Records;
        var text = string.Join("\n", logs);
        TestContext.Current.SendDiagnosticMessage(text);

        logs.ShouldContain(l => l.Service == Ingress && l.Body.Contains(eventId.ToString(), StringComparison.Ordinal), text);
        logs.ShouldContain(l => l.Service == Orders && l.Category == "MassTransit.Messages", text);
        logs.ShouldContain(l => l.Service == Notifications && l.Category == "MassTransit.Messages", text);

        // Each record names its span too, and that span is one of the trace's, of the service that logged it (the
        // spans of records logged last may reach the receiver after them, so the trace is read until they are there).
        logs.ShouldAllBe(l => l.SpanId != null, text);
        await Eventually.TrueAsync(
            () => TraceOf(eventId) is { } tree && logs.All(l => tree.Spans.Any(s => s.SpanId == l.SpanId && s.Service == l.Service)),
            TelemetryTimeout, $"every log record's span among the trace's spans of its service\n{text}", cancellationToken);

        // Every record that names the event or the order, wherever it was logged, is in the webhook's trace: none
        // without a trace id, none in another one (the order's creation excepted, for the records naming only the order).
        var mentioning = system.Telemetry.Logs.Where(l => l.Body.Contains(eventId.ToString(), StringComparison.OrdinalIgnoreCase)
            || l.Body.Contains(orderId.ToString(), StringComparison.OrdinalIgnoreCase)).ToList();
        var outside = mentioning.Where(l => l.TraceId != trace!.TraceId
            && !(l.TraceId == creation && !l.Body.Contains(eventId.ToString(), StringComparison.OrdinalIgnoreCase))).ToList();
        outside.ShouldBeEmpty($"records naming event {eventId} or order {orderId} outside trace {trace!.TraceId}:\n{string.Join("\n", outside)}\n"
            + $"all {mentioning.Count} records naming them:\n{string.Join("\n", mentioning)}");
    }

    [Fact]
    public async Task Should_link_a_callers_traceparent_but_start_its_own_trace()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (orderId, paymentId) = await system.CreateOrderAsync(1500, "EUR", "grace@example.com", cancellationToken);
        var caller = new SpanLink(Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.NextInt64())));
        var webhook = StripeWebhook.PaymentSucceeded(orderId, paymentId, 1500, "EUR", PaymentsSystem.StripeSecret);
        webhook.Headers.TryAddWithoutValidation("traceparent", $"00-{caller.TraceId}-{caller.SpanId}-01");
        Guid eventId;
        using (var response = await system.SendWebhookAsync(webhook, cancellationToken))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(cancellationToken));
            eventId = (await response.Content.ReadFromJsonAsync<Accepted>(cancellationToken))!.EventId;
        }

        var trace = await Eventually.ValueAsync(
            () => Task.FromResult(TraceOf(eventId)),
            // Each service exports on its own batch timer: a later hop's spans may arrive before their parents, so
            // wait for a whole tree (one root).
            tree => tree is not null && tree.Spans.Any(s => s.Service == Orders && s.Kind == Span.Types.SpanKind.Consumer) && tree.Roots.Count() == 1,
            TelemetryTimeout, "the webhook's trace to reach Orders", cancellationToken);
        var tree = trace!.ToString();

        trace.TraceId.ShouldNotBe(caller.TraceId, tree);
        var server = trace.Roots.ShouldHaveSingleItem(tree);
        server.Kind.ShouldBe(Span.Types.SpanKind.Server, tree);
        server.ParentSpanId.ShouldBeNull("the caller's span is not the parent of ours\n" + tree);
        server.Links.ShouldBe([caller], tree);
        system.Telemetry.Spans.ShouldNotContain(s => s.TraceId == caller.TraceId, "nothing of ours joins the caller's trace");
    }

    [Fact]
    public async Task Should_export_its_metrics_the_same_way()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await PayAnOrderAsync(cancellationToken);
        using (var forged = await system.SendWebhookAsync(
            StripeWebhook.PaymentSucceeded(Guid.NewGuid(), "pi_forged", 100, "EUR", "whsec_not_ours"), cancellationToken))
        {
            forged.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (string Service, string Name, Func<MetricPoint, bool> Holds)[] expected =
        [
            (Ingress, "payments.ingress.ack.duration", p => p.Value >= 1),
            (Ingress, "payments.ingress.webhooks.rejected", p => p.Attributes.GetValueOrDefault("reason") == "signature_mismatch" && p.Value >= 1),
            (Orders, "payments.outbox.lag", p => p.Value >= 1),
            (Orders, "payments.outbox.pending", _ => true),
            (Orders, "payments.outbox.parked_count", _ => true),
            (Notifications, "payments.notifications.sent", p => p.Value >= 1),
            (Notifications, "payments.notifications.pending", _ => true),
            (Notifications, "payments.notifications.parked_count", _ => true),
        ];
        await Eventually.ValueAsync(
            () => Task.FromResult(string.Join(", ", expected
                .Where(e => !system.Telemetry.Metrics.Any(m => m.Service == e.Service && m.Name == e.Name && m.Points.Any(e.Holds)))
                .Select(e => $"{e.Service}/{e.Name}"))),
            missing => missing.Length == 0,
            TelemetryTimeout, "the services' metrics to arrive over OTLP (value: the ones still missing)", cancellationToken);
    }

    private async Task<Guid> PayAnOrderAsync(CancellationToken cancellationToken) => (await PayAnOrderAsync(cancellationToken, traceparent: null)).EventId;

    /// <summary>An order created (in <paramref name="traceparent"/>'s trace when given), then paid by a signed webhook.</summary>
    private async Task<(Guid OrderId, Guid EventId)> PayAnOrderAsync(CancellationToken cancellationToken, string? traceparent)
    {
        var (orderId, paymentId) = await system.CreateOrderAsync(4200, "EUR", "ada@example.com", cancellationToken, traceparent);
        using var response = await system.SendWebhookAsync(
            StripeWebhook.PaymentSucceeded(orderId, paymentId, 4200, "EUR", PaymentsSystem.StripeSecret), cancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(cancellationToken));
        return (orderId, (await response.Content.ReadFromJsonAsync<Accepted>(cancellationToken))!.EventId);
    }

    /// <summary>The trace holding the ingress's publish of this event (its span carries the event id).</summary>
    private TraceTree? TraceOf(Guid eventId)
    {
        var spans = system.Telemetry.Spans;
        var publish = spans.FirstOrDefault(s => s.Service == Ingress && s.Attribute("messaging.message.id") == eventId.ToString());
        return publish is null ? null : new TraceTree(publish.TraceId, spans);
    }

    private static bool IsRelayPublish(ReceivedSpan span) =>
        span is { Service: Orders, Scope: "Payments.Messaging", Kind: Span.Types.SpanKind.Producer }
        && span.Attribute("messaging.destination.name") == "Payments.Contracts:OrderPaid";

    private static bool IsSmtpSend(ReceivedSpan span) =>
        span is { Service: Notifications, Scope: Notifications, Kind: Span.Types.SpanKind.Client, Name: "notification send" };

    private sealed record Accepted(Guid EventId);

    /// <summary>The log records of one trace; printed with what else each service logged, for a failure's message.</summary>
    private sealed class TraceLogs(string traceId, IReadOnlyList<ReceivedLog> all)
    {
        public IReadOnlyList<ReceivedLog> Records { get; } = [.. all.Where(l => l.TraceId == traceId)];

        public override string ToString() =>
            $"{Records.Count} records in trace {traceId}:\n{string.Join("\n", Records)}\nall records received, by service and category:\n"
            + string.Join("\n", all.GroupBy(l => $"{l.Service} {l.Category} (traced: {l.TraceId is not null})").Select(g => $"{g.Key}: {g.Count()}"));
    }
}
