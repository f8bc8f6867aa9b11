namespace Payments.Reconciliation.Providers;

/// <summary>Provider: the Stripe-compatible payments API Orders creates payments at (the provider simulator in development).</summary>
public sealed class ProviderOptions
{
    public string BaseUrl { get; set; } = "";

    public string ApiKey { get; set; } = "";

    /// <summary>The provider's name as Orders records it on OrderCreated.</summary>
    public string Name { get; set; } = "stripe";

    /// <summary>Largest response body read from the provider; a larger one is refused without reading it all.</summary>
    public long MaxResponseBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Most pages one listing reads (100 intents a page); a listing that goes on longer is refused, not cut short.</summary>
    public int MaxListPages { get; set; } = 1000;

    public ResilienceOptions Resilience { get; set; } = new();

    /// <summary>LiqPay's status request, for payments whose provider is "liqpay"; off unless both keys are set.</summary>
    public LiqPay.LiqPayOptions LiqPay { get; set; } = new();
}
