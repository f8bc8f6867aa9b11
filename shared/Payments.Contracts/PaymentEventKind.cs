using System.Text.Json.Serialization;

namespace Payments.Contracts;

/// <summary>
/// What happened to a payment. Serialized by name, so adding a kind is an additive change;
/// consumers must treat a name they do not know as "not for me" rather than fail.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<PaymentEventKind>))]
public enum PaymentEventKind
{
    Succeeded,
    Failed,
    Refunded,
}
