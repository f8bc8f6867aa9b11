using Microsoft.AspNetCore.Http;

namespace Payments.Ingress.Webhooks.Schemes.Common;

/// <summary>
/// A request header a scheme needs exactly once. A repeated header is rejected rather than resolved: when two
/// copies disagree, picking one is how a proxy and a verifier end up checking different values.
/// </summary>
/// <param name="Value">The value, or null when the header is absent or blank.</param>
/// <param name="IsRepeated">True when the header was sent more than once.</param>
internal readonly record struct Header(string? Value, bool IsRepeated)
{
    public static Header Read(IHeaderDictionary headers, string name)
    {
        var values = headers[name];
        if (values.Count > 1)
        {
            return new Header(null, IsRepeated: true);
        }

        var value = values.Count == 1 ? values[0] : null;
        return new Header(string.IsNullOrWhiteSpace(value) ? null : value, IsRepeated: false);
    }
}
