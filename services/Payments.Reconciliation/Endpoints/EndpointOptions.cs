namespace Payments.Reconciliation.Endpoints;

/// <summary>Reconciliation:Endpoints:{source}: where the provider must send that source's webhooks, and what.</summary>
public sealed class EndpointOptions
{
    /// <summary>The public URL the provider calls, exactly as registered there (e.g. https://pay.example.com/webhooks/stripe).</summary>
    public string Url { get; set; } = "";

    /// <summary>Event types the endpoint must be subscribed to; empty means <see cref="ActedOnEvents"/> of its provider.</summary>
    public List<string> Events { get; set; } = [];

    /// <summary>The provider sending them; empty means Provider:Name (the Stripe-compatible provider).</summary>
    public string? Provider { get; set; }

    public IReadOnlyList<string> EventsOrDefault(string provider) => Events.Count > 0 ? Events : ActedOnEvents.For(provider);
}
