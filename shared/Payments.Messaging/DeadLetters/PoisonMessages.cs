using System.Text.Json;
using MassTransit;
using Payments.Messaging.Inbox;

namespace Payments.Messaging.DeadLetters;

/// <summary>
/// Messages no retry can mend: a body that does not deserialize, no message id, a type the endpoint has no consumer for.
/// Each goes to the endpoint's `_error` queue at once, with the reason in MassTransit's fault headers (MT-Reason,
/// MT-Fault-Message, MT-Fault-ExceptionType), and the consumer takes the next message.
/// </summary>
public static class PoisonMessages
{
    /// <summary>An unknown message type goes to `_error` with its reason instead of to `_skipped` without one.</summary>
    public static void DeadLetterUnknownTypes(this IReceiveEndpointConfigurator endpoint) =>
        endpoint.ConfigureDeadLetter(pipe => pipe.UseFilter(new UnknownTypeErrorFilter()));

    /// <summary>A poisoned message is not retried: it would fail the same way every time, holding a consumer slot.</summary>
    public static void IgnorePoison(this IRetryConfigurator retry)
    {
        retry.Ignore<System.Runtime.Serialization.SerializationException>(); // MassTransit's, around a message that does not deserialize
        retry.Ignore<JsonException>();
        retry.Ignore<MessageIdMissingException>();
    }
}
