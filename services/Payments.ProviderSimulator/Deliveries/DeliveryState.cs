namespace Payments.ProviderSimulator.Deliveries;

internal enum DeliveryState
{
    /// <summary>Waiting for its first attempt or a retry.</summary>
    Pending,

    /// <summary>Held back by the reorder fault until the next delivery to the same receiver has been tried.</summary>
    Held,
    Delivered,

    /// <summary>The drop fault: never sent, never retried.</summary>
    Dropped,

    /// <summary>No 2xx within the retry window.</summary>
    GaveUp,

    /// <summary>The receiver was removed; Stripe, too, stops retrying to a deleted endpoint.</summary>
    Cancelled,
}
