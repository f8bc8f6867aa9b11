using Microsoft.Extensions.Options;

namespace Payments.Orders.PaymentCreation;

/// <summary>
/// LiqPay: the customer pays at LiqPay's checkout (https://www.liqpay.ua/en/doc/api/internet_acquiring/checkout) for
/// the merchant's order_id, and LiqPay's API names the payment by that order_id from then on (status, refund,
/// callbacks). Nothing is created server-side before the customer pays, so the payment is the order's own id, known at
/// once; each attempt the customer makes gets a payment_id of LiqPay's, which only tells the callbacks apart.
/// </summary>
public sealed class LiqPayCheckout(IOptions<ProviderOptions> options) : IPaymentCreator
{
    public string Provider => options.Value.RecordedName;

    /// <summary>The order_id the storefront's checkout form carries (LiqPay echoes it as given).</summary>
    private static string OrderIdOf(Guid orderId) => orderId.ToString("D");

    public Task<string> CreateAsync(Guid orderId, long amountMinor, string currency, CancellationToken cancellationToken) =>
        Task.FromResult(OrderIdOf(orderId));
}
