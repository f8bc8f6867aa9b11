using Payments.Ingress.Traffic;

namespace Payments.Ingress.Tests.Traffic;

/// <summary>The per-minute counts behind GET /admin/traffic, on a clock the test moves.</summary>
public sealed class When_traffic_is_counted
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 2, 18, 0, 30, TimeSpan.Zero));

    [Fact]
    public void Should_count_received_per_source_and_refusals_per_reason()
    {
        var counter = new TrafficCounter(_clock);
        counter.Received("stripe");
        counter.Received("stripe");
        counter.Received("acme");
        counter.Rejected("stripe", "signature_mismatch");
        counter.Rejected("stripe", "signature_mismatch");
        counter.Rejected("stripe", "stale_timestamp");
        counter.Rejected("unknown", "unknown_source");

        var report = counter.Report(15);

        report.Sources.Select(s => s.Source).ShouldBe(["acme", "stripe", "unknown"]);
        var stripe = report.Sources.Single(s => s.Source == "stripe");
        stripe.Received.ShouldBe(2);
        stripe.Rejected.ShouldBe(new Dictionary<string, long> { ["signature_mismatch"] = 2, ["stale_timestamp"] = 1 });
        report.Sources.Single(s => s.Source == "unknown").Received.ShouldBe(0);
        report.Sources.Single(s => s.Source == "acme").Rejected.ShouldBeEmpty();
    }

    [Fact]
    public void Should_leave_out_minutes_before_the_window_and_average_over_the_time_covered()
    {
        var counter = new TrafficCounter(_clock);
        for (var i = 0; i < 30; i++)
        {
            counter.Received("stripe");
        }

        _clock.Advance(TimeSpan.FromMinutes(5));
        for (var i = 0; i < 10; i++)
        {
            counter.Received("stripe");
        }

        _clock.Advance(TimeSpan.FromSeconds(30)); // 18:06:00: the window of 2 minutes is 18:05-18:06

        var lastTwo = counter.Report(2).Sources.Single();
        lastTwo.Received.ShouldBe(10);
        lastTwo.PerMinute.ShouldBe(10.0); // over the one minute since 18:05:00
        var all = counter.Report(15);
        all.Since.ShouldBe(_clock.Start); // the process started inside the window: 5.5 minutes covered
        all.Sources.Single().Received.ShouldBe(40);
        all.Sources.Single().PerMinute.ShouldBe(Math.Round(40 / 5.5, 1));
    }

    [Fact]
    public void Should_forget_what_is_older_than_the_hour_it_keeps()
    {
        var counter = new TrafficCounter(_clock);
        counter.Rejected("stripe", "signature_mismatch");
        _clock.Advance(TimeSpan.FromMinutes(TrafficCounter.WindowMinutes));
        counter.Received("acme");

        counter.Report(TrafficCounter.WindowMinutes).Sources.Select(s => s.Source).ShouldBe(["acme"]);
    }

    [Fact]
    public void Should_refuse_a_window_it_does_not_keep()
    {
        var counter = new TrafficCounter(_clock);
        Should.Throw<ArgumentOutOfRangeException>(() => counter.Report(0));
        Should.Throw<ArgumentOutOfRangeException>(() => counter.Report(TrafficCounter.WindowMinutes + 1));
    }

    [Fact]
    public async Task Should_lose_no_count_when_many_threads_count_at_once()
    {
        var counter = new TrafficCounter(_clock);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                counter.Received("stripe");
                counter.Rejected("stripe", "signature_mismatch");
            }
        })));

        var stripe = counter.Report(1).Sources.Single();
        stripe.Received.ShouldBe(80_000);
        stripe.Rejected["signature_mismatch"].ShouldBe(80_000);
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public DateTimeOffset Start { get; } = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
