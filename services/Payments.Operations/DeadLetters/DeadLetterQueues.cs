namespace Payments.Operations.DeadLetters;

public static class DeadLetterQueues
{
    /// <summary>MassTransit moves a faulted message to `{queue}_error`.</summary>
    public const string ErrorSuffix = "_error";

    /// <summary>The queue (and its same-named fanout exchange) a dead letter came from.</summary>
    public static string SourceOf(string errorQueue) => errorQueue[..^ErrorSuffix.Length];
}
