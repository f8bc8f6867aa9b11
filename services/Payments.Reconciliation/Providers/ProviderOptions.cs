using System.ComponentModel.DataAnnotations;

namespace Payments.Reconciliation.Providers;

/// <summary>Provider: the Stripe-compatible payments API Orders creates payments at (the provider simulator in development).</summary>
public sealed class ProviderOptions
{
    [Required(ErrorMessage = "Provider:BaseUrl is required (e.g. http://127.0.0.1:5090).")]
    [Url(ErrorMessage = "Provider:BaseUrl must be an absolute URL.")]
    public string BaseUrl { get; set; } = "";

    [Required(ErrorMessage = "Provider:ApiKey is required (environment variable Provider__ApiKey).")]
    public string ApiKey { get; set; } = "";

    /// <summary>The provider's name as Orders records it on OrderCreated.</summary>
    public string Name { get; set; } = "stripe";

    public ResilienceOptions Resilience { get; set; } = new();

    /// <summary>LiqPay's status request, for payments whose provider is "liqpay"; off unless both keys are set.</summary>
    public LiqPay.LiqPayOptions LiqPay { get; set; } = new();
}
