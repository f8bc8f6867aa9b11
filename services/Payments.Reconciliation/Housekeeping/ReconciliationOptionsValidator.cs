using Microsoft.Extensions.Options;
using Payments.Reconciliation.Endpoints;
using Payments.Reconciliation.Providers;

namespace Payments.Reconciliation.Housekeeping;

/// <summary>Start-up validation naming each wrong key.</summary>
internal sealed class ReconciliationOptionsValidator(IOptions<ProviderOptions> provider) : IValidateOptions<ReconciliationOptions>
{
    public ValidateOptionsResult Validate(string? name, ReconciliationOptions options)
    {
        var errors = new List<string>();
        foreach (var (key, value) in new[]
                 {
                     (nameof(options.Interval), options.Interval), (nameof(options.StaleAfter), options.StaleAfter),
                     (nameof(options.GiveUpAfter), options.GiveUpAfter), (nameof(options.MaxCheckInterval), options.MaxCheckInterval),
                     (nameof(options.ClaimLease), options.ClaimLease), (nameof(options.EndpointCheckInterval), options.EndpointCheckInterval),
                 })
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"Reconciliation:{key} must be a positive time span (e.g. 00:15:00).");
            }
        }

        if (options.GiveUpAfter <= options.StaleAfter)
        {
            errors.Add("Reconciliation:GiveUpAfter must be longer than Reconciliation:StaleAfter.");
        }

        if (options.BatchSize is < 1 or > 10_000)
        {
            errors.Add("Reconciliation:BatchSize must be between 1 and 10000.");
        }

        if (options.Concurrency is < 1 or > 256)
        {
            errors.Add("Reconciliation:Concurrency must be between 1 and 256.");
        }

        foreach (var (source, endpoint) in options.Endpoints)
        {
            if (!Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add($"Reconciliation:Endpoints:{source}:Url must be the absolute http(s) URL the provider calls (e.g. https://pay.example.com/webhooks/{source}).");
            }

            // A provider name is checked against the two Reconciliation knows: one misspelt would report the source
            // not_checkable (or check a LiqPay source at the Stripe-compatible provider) instead of failing here.
            if (!string.IsNullOrEmpty(endpoint.Provider)
                && !string.Equals(endpoint.Provider, provider.Value.Name, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(endpoint.Provider, ActedOnEvents.LiqPay, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"Reconciliation:Endpoints:{source}:Provider must be empty (Provider:Name, '{provider.Value.Name}'), '{provider.Value.Name}' or '{ActedOnEvents.LiqPay}'; got '{endpoint.Provider}'.");
            }

            if (endpoint.Events.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add($"Reconciliation:Endpoints:{source}:Events must not hold empty event types.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
