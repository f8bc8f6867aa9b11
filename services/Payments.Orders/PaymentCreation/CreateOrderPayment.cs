namespace Payments.Orders.PaymentCreation;

/// <summary>Orders' own command, through its outbox: create the order's payment at the provider (retried until it succeeds).</summary>
public sealed record CreateOrderPayment(Guid OrderId);
