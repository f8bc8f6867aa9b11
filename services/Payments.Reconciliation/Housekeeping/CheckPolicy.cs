using Payments.Contracts;
using Payments.Messaging;
using Payments.Reconciliation.Providers;

namespace Payments.Reconciliation.Housekeeping;

/// <summary>
/// Decides what the provider's answer means for a payment we are watching. Only news is announced: an outcome the
/// provider has that Orders has not told us about, in Orders' order (a refund found on a payment we never saw paid is
/// announced as succeeded, then refunded). Each announcement's event id is derived from the payment and the outcome,
/// so the same finding on another pass or instance is the same event, and Orders' inbox keeps it from counting twice;
/// a webhook for the same outcome is another event that Orders records as unchanged.
/// </summary>
public static class CheckPolicy
{
    public const string Source = "reconciliation";

    public static CheckOutcome Decide(ClaimedPayment payment, ProviderPayment found, DateTimeOffset now, ReconciliationOptions options)
    {
        var kinds = News(payment.Status, found.Status);
        var findings = kinds.Select(kind => Finding(payment, found, kind, now)).ToList();
        var after = kinds.Count == 0 ? payment.Status : Max(payment.Status, StatusAfter(kinds[^1]));
        var deadline = payment.CreatedAt + options.GiveUpAfter;

        if (after.IsFinal())
        {
            return new(payment, findings, null, Stuck: false, found.Status, null);
        }

        if (now >= deadline)
        {
            // Out of time. Without any outcome that is what "stuck" means; with one, watching simply ends.
            return new(payment, findings, null, Stuck: after == KnownStatus.AwaitingPayment, found.Status, null);
        }

        return new(payment, findings, Backoff.NextCheck(payment.Checks + 1, now, deadline, options), Stuck: false, found.Status, null);
    }

    /// <summary>The check could not be made: release the claim and look again later; nothing is lost or announced.</summary>
    public static CheckOutcome PutOff(ClaimedPayment payment, string error, DateTimeOffset now, ReconciliationOptions options) =>
        new(payment, [], Backoff.AfterProviderError(payment.ProviderErrors + 1, now, options), Stuck: false, null, error);

    /// <summary>Outcomes the provider has that we have not heard of, oldest first.</summary>
    public static IReadOnlyList<PaymentEventKind> News(KnownStatus known, ProviderStatus provider) => (known, provider) switch
    {
        (KnownStatus.AwaitingPayment or KnownStatus.PaymentFailed, ProviderStatus.Succeeded) => [PaymentEventKind.Succeeded],
        (KnownStatus.AwaitingPayment or KnownStatus.PaymentFailed, ProviderStatus.Refunded) => [PaymentEventKind.Succeeded, PaymentEventKind.Refunded],
        (KnownStatus.Paid, ProviderStatus.Refunded) => [PaymentEventKind.Refunded],
        (KnownStatus.AwaitingPayment, ProviderStatus.Failed) => [PaymentEventKind.Failed],
        _ => [],
    };

    public static Guid EventId(string paymentId, PaymentEventKind kind) => EventIds.From(Source, ProviderEventId(paymentId, kind));

    private static string ProviderEventId(string paymentId, PaymentEventKind kind) => $"{paymentId}:{kind.ToString().ToLowerInvariant()}";

    private static PaymentEventReceived Finding(ClaimedPayment payment, ProviderPayment found, PaymentEventKind kind, DateTimeOffset now) => new(
        EventId(payment.PaymentId, kind),
        Source,
        // The money moved at the provider: the event names it; the source says who noticed.
        payment.Provider,
        ProviderEventId(payment.PaymentId, kind),
        kind,
        payment.PaymentId,
        payment.OrderId.ToString(),
        kind == PaymentEventKind.Refunded ? found.RefundedMinor : found.AmountMinor,
        found.Currency,
        found.SettledAt ?? now,
        now);

    private static KnownStatus StatusAfter(PaymentEventKind kind) => kind switch
    {
        PaymentEventKind.Succeeded => KnownStatus.Paid,
        PaymentEventKind.Failed => KnownStatus.PaymentFailed,
        _ => KnownStatus.Refunded,
    };

    private static KnownStatus Max(KnownStatus a, KnownStatus b) => a > b ? a : b;
}
