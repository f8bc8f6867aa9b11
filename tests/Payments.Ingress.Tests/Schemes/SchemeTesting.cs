using System.Text;
using Microsoft.AspNetCore.Http;
using Payments.Ingress.Webhooks;
using Payments.Ingress.Webhooks.Schemes;

namespace Payments.Ingress.Tests.Schemes;

/// <summary>Builds the inputs a scheme sees: a source with its derived keys, and a raw request.</summary>
internal static class SchemeTesting
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static readonly DateTimeOffset ReceivedAt = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public static WebhookSource Source(IWebhookScheme scheme, params string[] secrets) => Source(scheme.Name, scheme, secrets);

    public static WebhookSource Source(string name, IWebhookScheme scheme, params string[] secrets) =>
        new(name, scheme, secrets.Select(scheme.DeriveKey).ToArray(), Tolerance);

    public static WebhookRequest Request(string body, params (string Name, string Value)[] headers) =>
        Request(Encoding.UTF8.GetBytes(body), headers);

    public static WebhookRequest Request(byte[] body, params (string Name, string Value)[] headers)
    {
        var dictionary = new HeaderDictionary();
        foreach (var (name, value) in headers)
        {
            dictionary.Append(name, value);
        }

        return new WebhookRequest(body, dictionary);
    }

    public static VerifiedWebhook Verified(string payload, string? deliveryId = null) => new(Encoding.UTF8.GetBytes(payload), deliveryId);
}
