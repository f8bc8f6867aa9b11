namespace Payments.Testing.Load;

/// <summary>
/// Where the load places and pays one source's orders: the Orders instances that create its payments
/// (<paramref name="OrdersUrls"/>, taken in turn) and the simulator those payments are created at.
/// </summary>
/// <param name="Source">The ingress source its webhooks come through, recorded on each <see cref="PlacedOrder"/>.</param>
/// <param name="Provider">The provider Orders records on the order's payment (Orders' Provider:Name for these instances).</param>
/// <param name="PaysAtCheckout">
/// LiqPay's way: Orders opens nothing at the provider; the customer pays at its checkout for the order id Orders
/// recorded as the payment. At the simulator that is a PaymentIntent the customer creates with metadata[order_id].
/// </param>
public sealed record LoadLane(string Source, string Provider, IReadOnlyList<string> OrdersUrls, string SimulatorUrl, bool PaysAtCheckout = false);
