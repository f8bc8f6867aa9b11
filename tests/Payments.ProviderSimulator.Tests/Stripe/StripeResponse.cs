using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Payments.ProviderSimulator.Tests.Stripe;

public sealed record StripeResponse(HttpStatusCode Status, JsonElement Body, HttpResponseHeaders Headers)
{
    /// <summary>The "error" object of a Stripe error answer.</summary>
    public JsonElement Error => Body.GetProperty("error");

    public string Id => Body.GetProperty("id").GetString()!;

    public string String(string name) => Body.GetProperty(name).GetString()!;

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
