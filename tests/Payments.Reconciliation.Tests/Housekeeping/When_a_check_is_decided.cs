using Payments.Contracts;
using Payments.Reconciliation.Housekeeping;
using Payments.Reconciliation.Providers;

namespace Payments.Reconciliation.Tests.Housekeeping;

public sealed class When_a_check_is_decided
{
    private static readonly DateTimeOffset Created = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly ReconciliationOptions Options = new() { StaleAfter = TimeSpan.FromMinutes(15), GiveUpAfter = TimeSpan.FromDays(3) };

    [Theory]
    [InlineData(KnownStatus.AwaitingPayment, ProviderStatus.Succeeded, "Succeeded")]
    [InlineData(KnownStatus.AwaitingPayment, ProviderStatus.Failed, "Failed")]
    [InlineData(KnownStatus.AwaitingPayment, ProviderStatus.Refunded, "Succeeded,Refunded")]
    [InlineData(KnownStatus.PaymentFailed, ProviderStatus.Succeeded, "Succeeded")]
    [InlineData(KnownStatus.Paid, ProviderStatus.Refunded, "Refunded")]
    [InlineData(KnownStatus.AwaitingPayment, ProviderStatus.Pending, "")]
    [InlineData(KnownStatus.AwaitingPayment, ProviderStatus.Missing, "")]
    [InlineData(KnownStatus.Paid, ProviderStatus.Succeeded, "")]
    [InlineData(KnownStatus.Paid, ProviderStatus.Failed, "")]
    [InlineData(KnownStatus.PaymentFailed, ProviderStatus.Failed, "")]
    [InlineData(KnownStatus.NeedsAttention, ProviderStatus.Refunded, "")]
    public void Should_announce_only_what_orders_has_not_heard(KnownStatus known, ProviderStatus provider, string announced) =>
        string.Join(",", CheckPolicy.Decide(Payment(known), Found(provider), Created.AddMinutes(20), Options).Findings.Select(f => f.Kind))
            .ShouldBe(announced);

    [Fact]
    public void Should_announce_the_same_event_id_on_every_pass()
    {
        var first = CheckPolicy.Decide(Payment(KnownStatus.AwaitingPayment), Found(ProviderStatus.Succeeded), Created.AddMinutes(20), Options).Findings.Single();
        var later = CheckPolicy.Decide(Payment(KnownStatus.AwaitingPayment) with { Checks = 3 }, Found(ProviderStatus.Succeeded), Created.AddHours(5), Options).Findings.Single();
        later.EventId.ShouldBe(first.EventId);
        first.Source.ShouldBe("reconciliation");
        first.OrderId.ShouldBe(Payment(KnownStatus.AwaitingPayment).OrderId.ToString());
        first.AmountMinor.ShouldBe(4200);
    }

    [Fact]
    public void Should_announce_the_refunded_amount_for_a_refund() =>
        CheckPolicy.Decide(Payment(KnownStatus.Paid), Found(ProviderStatus.Refunded) with { RefundedMinor = 1000 }, Created.AddMinutes(20), Options)
            .Findings.Single().AmountMinor.ShouldBe(1000);

    [Fact]
    public void Should_keep_watching_a_pending_payment_with_backoff()
    {
        var outcome = CheckPolicy.Decide(Payment(KnownStatus.AwaitingPayment), Found(ProviderStatus.Pending), Created.AddMinutes(20), Options);
        outcome.NextCheckAt.ShouldBe(Created.AddMinutes(20 + 30));
        outcome.Stuck.ShouldBeFalse();
    }

    [Fact]
    public void Should_report_a_payment_still_pending_at_the_deadline_as_stuck()
    {
        var outcome = CheckPolicy.Decide(Payment(KnownStatus.AwaitingPayment), Found(ProviderStatus.Pending), Created.AddDays(3), Options);
        outcome.Stuck.ShouldBeTrue();
        outcome.NextCheckAt.ShouldBeNull();
    }

    [Fact]
    public void Should_stop_watching_a_paid_payment_at_the_deadline_without_calling_it_stuck()
    {
        var outcome = CheckPolicy.Decide(Payment(KnownStatus.Paid), Found(ProviderStatus.Succeeded), Created.AddDays(3), Options);
        outcome.Stuck.ShouldBeFalse();
        outcome.NextCheckAt.ShouldBeNull();
    }

    [Fact]
    public void Should_stop_watching_once_a_refund_is_announced() =>
        CheckPolicy.Decide(Payment(KnownStatus.Paid), Found(ProviderStatus.Refunded), Created.AddMinutes(20), Options).NextCheckAt.ShouldBeNull();

    [Fact]
    public void Should_put_a_failed_check_off_without_announcing_anything()
    {
        var outcome = CheckPolicy.PutOff(Payment(KnownStatus.AwaitingPayment), "http_500", Created.AddMinutes(20), Options);
        outcome.Findings.ShouldBeEmpty();
        outcome.Checked.ShouldBeFalse();
        outcome.NextCheckAt.ShouldNotBeNull().ShouldBeGreaterThan(Created.AddMinutes(20));
    }

    private static ClaimedPayment Payment(KnownStatus status) => new(
        Guid.Parse("0195a3c0-0000-7000-8000-000000000001"), "pi_123", "stripe", 4200, "EUR", Created, status, Checks: 0, ProviderErrors: 0, Guid.NewGuid());

    private static ProviderPayment Found(ProviderStatus status) => new("pi_123", null, status, 4200, "EUR", status == ProviderStatus.Refunded ? 4200 : 0, Created, null);
}
