namespace Payments.Operations.DeadLetters;

/// <summary>dead → replayed (back on its queue, confirmed) or → discarded (with a reason). A replayed one may be replayed again.</summary>
public static class DeadLetterState
{
    public const string Dead = "dead";
    public const string Replayed = "replayed";
    public const string Discarded = "discarded";
}
