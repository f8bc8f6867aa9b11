namespace Payments.Testing.Load;

/// <summary>One source's share of an <see cref="Outcome"/>: its orders, the webhooks its simulator had acknowledged and what they did.</summary>
public sealed record SourceLedger(
    string Source,
    int Orders,
    int WebhooksAcknowledged,
    int Lost,
    int Transitions,
    int RepeatedTransitions,
    int Emails,
    int EmailsNotOnePerTransition,
    int WebhooksDropped,
    int WebhooksDuplicated,
    int FinalEventDropped,
    int RecoveredByReconciliation)
{
    public override string ToString() =>
        $"{Source}: orders {Orders}, webhooks acknowledged {WebhooksAcknowledged}, lost {Lost}, transitions {Transitions} " +
        $"(moved twice the same way {RepeatedTransitions}), emails {Emails} (orders whose emails differ from their transitions " +
        $"{EmailsNotOnePerTransition}); webhooks dropped {WebhooksDropped}, duplicated {WebhooksDuplicated}; final webhook dropped " +
        $"{FinalEventDropped}; orders recovered by reconciliation {RecoveredByReconciliation}";
}
