using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Payments.Ingress.Diagnostics;
using Payments.Ingress.Tests.Infrastructure;
using Payments.Messaging.Wire;
using Payments.Testing;
using Payments.Testing.RabbitMq;

namespace Payments.Ingress.Tests.Intake;

/// <summary>
/// Trace headers are written only when someone records the trace: with a listener the consumer joins the publish
/// span, without one a publish carries (and builds) none.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class When_a_published_event_carries_trace_context(RabbitMqFixture broker) : IngressTest(broker)
{
    [Fact]
    public async Task Should_parent_the_message_on_the_publish_span_when_the_trace_is_recorded()
    {
        var publishes = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == IngressTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (publishes) { publishes.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);

        var message = await SendAndReceiveAsync("evt_traced_1");

        // The listener is process-wide and other test classes publish in parallel: only this message's spans count.
        Activity publish;
        lock (publishes)
        {
            publish = publishes
                .Where(span => (string?)span.GetTagItem("messaging.message.id") == message.Properties.MessageId)
                .ShouldHaveSingleItem();
        }

        var headers = message.Properties.Headers.ShouldNotBeNull();
        Encoding.UTF8.GetString((byte[])headers[TraceHeaders.TraceParent]!).ShouldBe(publish.Id);
        Encoding.UTF8.GetString((byte[])headers[TraceHeaders.MassTransitActivityId]!).ShouldBe(publish.Id);
        using var envelope = JsonDocument.Parse(message.Body);
        envelope.RootElement.GetProperty("headers").GetProperty(TraceHeaders.TraceParent).GetString().ShouldBe(publish.Id);
    }

    [Fact]
    public async Task Should_carry_no_trace_headers_when_nobody_records()
    {
        var message = await SendAndReceiveAsync("evt_untraced_1");

        var headers = message.Properties.Headers ?? new Dictionary<string, object?>();
        headers.ShouldNotContainKey(TraceHeaders.TraceParent);
        headers.ShouldNotContainKey(TraceHeaders.MassTransitActivityId);
        using var envelope = JsonDocument.Parse(message.Body);
        envelope.RootElement.GetProperty("headers").EnumerateObject().ShouldBeEmpty();
    }

    private async Task<ReceivedMessage> SendAndReceiveAsync(string eventId)
    {
        var response = await Client.SendAsync(
            WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent(eventId: eventId)), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        return (await Broker.GetAsync(App.Queue, TestContext.Current.CancellationToken)).ShouldNotBeNull();
    }
}
