namespace Payments.Orders.Orders;

public sealed record PaymentDetails(string Provider, string PaymentId);
