using System.Text.Json.Serialization;

namespace Payments.ProviderSimulator.Stripe.Objects;

/// <summary>A list page (https://docs.stripe.com/api/pagination): data newest first, has_more, and the list's url.</summary>
internal sealed record StripeList<T>(IReadOnlyList<T> Data, bool HasMore, string Url)
{
    [JsonPropertyOrder(-1)]
    public string Object => "list";
}
