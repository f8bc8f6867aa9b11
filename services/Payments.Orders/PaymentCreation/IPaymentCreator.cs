namespace Payments.Orders.PaymentCreation;

/// <summary>
/// Opens an order's payment at its provider (Provider:Api) and answers the id the provider's API names it by, which
/// Orders records and every event about the payment must carry. Safe to call again for the same order: a retry from
/// the outbox after a lost answer must name the same payment.
/// </summary>
public interface IPaymentCreator
{
    /// <summary>The provider's name as recorded on orders and in events (Provider:Name).</summary>
    string Provider { get; }

    Task<string> CreateAsync(Guid orderId, long amountMinor, string currency, CancellationToken cancellationToken);
}
