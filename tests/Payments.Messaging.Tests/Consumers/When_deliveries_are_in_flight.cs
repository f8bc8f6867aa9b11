using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Payments.Messaging.Consumers;

namespace Payments.Messaging.Tests.Consumers;

/// <summary>
/// What a process says it holds, per declared endpoint: a delivery whose envelope is not read yet is counted but not
/// aged (the time it arrived would understate its age), a read one is as old as its sentTime, never later than when it
/// arrived, and a settled one is gone.
/// </summary>
public sealed class When_deliveries_are_in_flight : IDisposable
{
    private static readonly Uri Orders = new("rabbitmq://broker/payments/orders-payment-events");
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly Clock _clock = new(Start);
    private readonly InFlightDeliveries _deliveries;

    public When_deliveries_are_in_flight() =>
        _deliveries = new InFlightDeliveries(["orders-payment-events", "orders-other"], _clock, _services.GetRequiredService<IMeterFactory>());

    public void Dispose() => _services.Dispose();

    [Fact]
    public void Should_count_an_unread_delivery_without_an_age()
    {
        _deliveries.Received(new object(), Orders);
        _clock.Now = Start.AddSeconds(5);

        var held = _deliveries.Snapshot().Single(e => e.Queue == "orders-payment-events");
        held.InFlight.ShouldBe(1);
        held.OldestSentAt.ShouldBeNull("its sentTime is not known yet");
        held.OldestAgeSeconds.ShouldBeNull();
    }

    [Fact]
    public void Should_age_the_oldest_read_delivery_from_when_it_was_sent()
    {
        var first = new object();
        var second = new object();
        _deliveries.Received(first, Orders);
        _deliveries.Received(second, Orders);
        _deliveries.Received(new object(), Orders); // not read yet: counted, not aged
        _deliveries.Read(first, Start.AddSeconds(-30).UtcDateTime);
        _deliveries.Read(second, Start.AddSeconds(-10).UtcDateTime);
        _clock.Now = Start.AddSeconds(2);

        var held = _deliveries.Snapshot().Single(e => e.Queue == "orders-payment-events");
        held.InFlight.ShouldBe(3);
        held.OldestSentAt.ShouldBe(Start.AddSeconds(-30));
        held.OldestAgeSeconds.ShouldBe(32);

        _deliveries.Settled(first);
        _deliveries.Snapshot().Single(e => e.Queue == "orders-payment-events").OldestAgeSeconds.ShouldBe(12);
    }

    [Fact]
    public void Should_not_date_a_delivery_after_it_arrived()
    {
        var ahead = new object();
        _deliveries.Received(ahead, Orders);
        _deliveries.Read(ahead, Start.AddMinutes(5).UtcDateTime); // the publisher's clock runs ahead

        _deliveries.Snapshot().Single(e => e.Queue == "orders-payment-events").OldestSentAt.ShouldBe(Start);
    }

    [Fact]
    public void Should_report_every_declared_endpoint_and_no_other()
    {
        _deliveries.Received(new object(), new Uri("rabbitmq://broker/payments/someone-elses-queue"));

        _deliveries.Snapshot().ShouldBe([
            new EndpointDeliveries("orders-payment-events", 0, null, null),
            new EndpointDeliveries("orders-other", 0, null, null),
        ]);
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
