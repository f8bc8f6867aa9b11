namespace Payments.Operations.ServiceApis;

public sealed partial class OrdersApi
{
    /// <summary>What Orders recorded about the order; null when Orders has no such order.</summary>
    public Task<OrderStory?> StoryAsync(Guid orderId, CancellationToken cancellationToken) =>
        StoryCalls.GetOrNullAsync<OrderStory>(http, $"admin/orders/{orderId}/story", cancellationToken);

    /// <summary>The order an order id, provider payment id or provider event id names; null when none does.</summary>
    public Task<OrderLookup?> LookupAsync(string q, CancellationToken cancellationToken) =>
        StoryCalls.GetOrNullAsync<OrderLookup>(http, $"admin/orders/lookup?q={Uri.EscapeDataString(q)}", cancellationToken);
}
