namespace Payments.Operations.ServiceApis;

public sealed partial class NotificationsApi
{
    /// <summary>The order's emails, oldest first (none for an order Notifications never heard of).</summary>
    public async Task<List<OrderEmail>> EmailsAsync(Guid orderId, CancellationToken cancellationToken) =>
        await StoryCalls.GetOrNullAsync<List<OrderEmail>>(http, $"notifications?orderId={orderId}", cancellationToken) ?? [];
}
