using System.Text.Json.Serialization;

namespace Payments.Contracts;

/// <summary>
/// Where an order's payment stands after an <see cref="OrderPaymentStatusChanged"/>. Serialized by name, so adding a
/// status is an additive change; consumers must treat a name they do not know as "not for me" rather than fail.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrderPaymentStatus>))]
public enum OrderPaymentStatus
{
    Paid,
    PaymentFailed,
    Refunded,
}
