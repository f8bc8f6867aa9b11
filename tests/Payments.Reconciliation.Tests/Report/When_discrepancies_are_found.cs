using Payments.Reconciliation.Housekeeping;
using Payments.Reconciliation.Providers;
using Payments.Reconciliation.Report;

namespace Payments.Reconciliation.Tests.Report;

public sealed class When_discrepancies_are_found
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Should_sort_each_disagreement_and_leave_agreements_out()
    {
        var theirs = new[]
        {
            Theirs("pi_agree", ProviderStatus.Succeeded), Theirs("pi_unpaid", ProviderStatus.Succeeded), Theirs("pi_unknown", ProviderStatus.Refunded),
            Theirs("pi_pending", ProviderStatus.Pending), Theirs("pi_more", ProviderStatus.Succeeded, 5000), Theirs("pi_failed", ProviderStatus.Failed),
        };
        var ours = new[]
        {
            Ours("pi_agree", KnownStatus.Paid), Ours("pi_unpaid", KnownStatus.AwaitingPayment), Ours("pi_pending", KnownStatus.Paid),
            Ours("pi_more", KnownStatus.NeedsAttention), Ours("pi_failed", KnownStatus.PaymentFailed), Ours("pi_gone", KnownStatus.Paid),
            Ours("pi_stuck", KnownStatus.AwaitingPayment) with { StuckAt = Now },
        };

        var (succeededNotPaid, paidNotSucceeded, amountMismatches, stuck) = Discrepancies.Find(theirs, ours);

        succeededNotPaid.Select(d => d.PaymentId).ShouldBe(["pi_unpaid", "pi_unknown"]);
        paidNotSucceeded.Select(d => (d.PaymentId, d.ProviderStatus)).ShouldBe([("pi_pending", "pending"), ("pi_gone", (string?)null)]);
        amountMismatches.Select(d => (d.PaymentId, d.OurAmountMinor, d.ProviderAmountMinor)).ShouldBe([("pi_more", 4200L, 5000L)]);
        stuck.Select(d => d.PaymentId).ShouldBe(["pi_stuck"]);
    }

    private static ProviderPayment Theirs(string id, ProviderStatus status, long amount = 4200) => new(id, null, status, amount, "EUR", 0, Now, null);

    private static TrackedPayment Ours(string id, KnownStatus status) => new(Guid.NewGuid(), id, "stripe", 4200, "EUR", Now, status, null, null);
}
