using System.Text.Json.Serialization;

namespace Payments.ProviderSimulator.StandardWebhooks;

/// <summary>data of a payment message: amount in minor units, currency upper case; order_id left out when the payment has none.</summary>
internal sealed record PaymentMessageData(
    string PaymentId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OrderId,
    long Amount,
    string Currency);
