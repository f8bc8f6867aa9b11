using Payments.Reconciliation.Housekeeping;
using Payments.Reconciliation.Providers;

namespace Payments.Reconciliation.Report;

/// <summary>
/// Lays the provider's payments against ours, joined by payment id:
/// succeeded there but not paid here (awaiting, failed, or unknown to us);
/// paid here but not succeeded there (pending, failed, or unknown to the provider);
/// taken with another amount or currency than the order's;
/// and ours that ran out of watch without an outcome (stuck).
/// Orders that need attention are an operator's already and appear only when their amounts disagree.
/// </summary>
public static class Discrepancies
{
    public static (List<Discrepancy> SucceededNotPaid, List<Discrepancy> PaidNotSucceeded, List<Discrepancy> AmountMismatches, List<Discrepancy> Stuck) Find(
        IReadOnlyList<ProviderPayment> theirs, IReadOnlyList<TrackedPayment> ours)
    {
        var oursById = ours.Where(p => p.PaymentId is not null).ToDictionary(p => p.PaymentId!, StringComparer.Ordinal);
        var theirsById = theirs.ToDictionary(p => p.PaymentId, StringComparer.Ordinal);
        var succeededNotPaid = new List<Discrepancy>();
        var amountMismatches = new List<Discrepancy>();
        foreach (var payment in theirs.Where(p => p.Status is ProviderStatus.Succeeded or ProviderStatus.Refunded))
        {
            var our = oursById.GetValueOrDefault(payment.PaymentId);
            if (our is null or { Status: KnownStatus.AwaitingPayment or KnownStatus.PaymentFailed })
            {
                succeededNotPaid.Add(Row(our, payment, payment.PaymentId));
            }

            if (our is not null && (our.AmountMinor != payment.AmountMinor || !string.Equals(our.Currency, payment.Currency, StringComparison.OrdinalIgnoreCase)))
            {
                amountMismatches.Add(Row(our, payment, payment.PaymentId));
            }
        }

        var paidNotSucceeded = ours
            .Where(p => p is { Status: KnownStatus.Paid, PaymentId: not null })
            .Select(p => (Ours: p, Theirs: theirsById.GetValueOrDefault(p.PaymentId!)))
            .Where(pair => pair.Theirs is not { Status: ProviderStatus.Succeeded })
            .Select(pair => Row(pair.Ours, pair.Theirs, pair.Ours.PaymentId!))
            .ToList();
        var stuck = ours.Where(p => p.StuckAt is not null)
            .Select(p => Row(p, p.PaymentId is null ? null : theirsById.GetValueOrDefault(p.PaymentId), p.PaymentId ?? ""))
            .ToList();
        return (succeededNotPaid, paidNotSucceeded, amountMismatches, stuck);
    }

    private static Discrepancy Row(TrackedPayment? ours, ProviderPayment? theirs, string paymentId) => new(
        ours?.OrderId ?? (Guid.TryParse(theirs?.OrderId, out var orderId) ? orderId : null),
        paymentId,
        ours?.Status.ToText(),
        theirs is null ? null : StatusText(theirs.Status),
        ours?.AmountMinor,
        ours?.Currency,
        theirs?.AmountMinor,
        theirs?.Currency);

    private static string StatusText(ProviderStatus status) => status.ToString().ToLowerInvariant();
}
