using Payments.Operations.ServiceApis;
using Payments.Operations.Timeline;

namespace Payments.Operations.Tests.Timeline;

/// <summary>
/// Reconciliation's record of one payment as timeline steps: one per check, answered or not, each with its trace; the
/// moment it gave up; each finding with the trace of the check that found it. A Reconciliation that sends no history
/// still shows its summary.
/// </summary>
public sealed class When_reconciliation_checks_become_steps
{
    private static readonly DateTimeOffset Created = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly JaegerOptions Jaeger = new() { BaseUrl = "http://jaeger.test:16686/" };
    private static readonly string FirstTrace = new('a', 32);
    private static readonly string SecondTrace = new('b', 32);

    [Fact]
    public void Should_show_each_check_with_its_trace_and_the_finding_on_the_trace_that_found_it()
    {
        var finding = new PaymentFinding(Guid.NewGuid(), "pi_1", "Succeeded", 4200, "EUR", Created.AddMinutes(2), SecondTrace);
        var checks = Checks(
            [new PaymentCheck(Created.AddMinutes(1), null, "timeout: no answer in 5 s", FirstTrace), new PaymentCheck(Created.AddMinutes(2), "Succeeded", null, SecondTrace)],
            [finding]);

        var steps = TimelineSteps.From(orders: null, emails: null, checks, Jaeger);

        steps.Select(s => (s.Kind, s.Summary, s.TraceId)).ShouldBe([
            ("check", "Checked at stripe: could not ask: timeout: no answer in 5 s.", FirstTrace),
            ("check", "Checked at stripe: the provider said Succeeded.", SecondTrace),
            ("finding", "Found Succeeded at the provider for pi_1 (4200 EUR minor units), announced to Orders.", SecondTrace),
        ]);
        steps[0].TraceUrl.ShouldBe($"http://jaeger.test:16686/trace/{FirstTrace}");
        steps[2].Ref.ShouldBe(finding.EventId.ToString());
    }

    [Fact]
    public void Should_show_when_it_gave_up()
    {
        var checks = Checks([new PaymentCheck(Created.AddMinutes(1), "Pending", null, FirstTrace)], []) with { StuckAt = Created.AddHours(1) };

        var stuck = TimelineSteps.From(null, null, checks, Jaeger).Last();

        (stuck.At, stuck.Kind).ShouldBe((Created.AddHours(1), "check"));
        stuck.Summary.ShouldBe("Gave up after 1 check at stripe: the payment is stuck, for an operator.");
    }

    [Fact]
    public void Should_show_the_summary_of_a_reconciliation_that_sends_no_history()
    {
        var checks = Checks(null, []) with { Checks = 3, LastCheckedAt = Created.AddMinutes(5), ProviderStatus = "Pending" };

        var summary = TimelineSteps.From(null, null, checks, Jaeger).ShouldHaveSingleItem();

        summary.Summary.ShouldBe("3 checks at stripe, the provider last said Pending.");
        summary.TraceId.ShouldBeNull();
    }

    private static PaymentChecks Checks(IReadOnlyList<PaymentCheck>? history, IReadOnlyList<PaymentFinding> findings) =>
        new(Guid.NewGuid(), "pi_1", "stripe", "awaiting_payment", Created, Checks: history?.Count(c => c.Error is null) ?? 0, ProviderErrors: 0,
            ProviderStatus: history?.LastOrDefault(c => c.Error is null)?.ProviderStatus, LastCheckedAt: history?.LastOrDefault(c => c.Error is null)?.CheckedAt,
            LastError: null, StuckAt: null, NextCheckAt: null, findings, history);
}
