using System.Security.Cryptography;
using Payments.Ingress.Webhooks.Schemes.Common;

namespace Payments.Ingress.Webhooks.Schemes.Stripe;

/// <summary>
/// Stripe webhooks (https://docs.stripe.com/webhooks#verify-manually): HMAC-SHA256 over "{t}.{body}" in the
/// Stripe-Signature header, checked against every configured endpoint secret so a secret can be rolled.
/// </summary>
internal sealed class StripeScheme : IWebhookScheme
{
    public const string SchemeName = "stripe";

    private const string SignatureHeader = "Stripe-Signature";

    public string Name => SchemeName;

    public string MediaType => "application/json";

    /// <summary>
    /// The whole "whsec_…" string as UTF-8 is the key: Stripe's libraries use the secret text as given rather than
    /// decoding it, so the prefix is not stripped (and not required, which keeps test secrets simple).
    /// </summary>
    public byte[] DeriveKey(string secret) => Secrets.Utf8(secret, SchemeName);

    public VerificationResult Verify(WebhookRequest request, WebhookSource source, DateTimeOffset now)
    {
        var header = Header.Read(request.Headers, SignatureHeader);
        if (header.IsRepeated)
        {
            return Rejections.For(RejectionReason.MalformedSignature);
        }

        if (header.Value is not { } value)
        {
            return Rejections.For(RejectionReason.MissingSignature);
        }

        if (StripeSignatureHeader.ReadTimestamp(value, out var seconds, out var timestamp) is { } unusable)
        {
            return Rejections.For(unusable);
        }

        if (!StripeSignatureHeader.HasSignature(value))
        {
            return Rejections.For(RejectionReason.MalformedSignature);
        }

        // The signature is checked before the clock, so a stale or future answer always means "authentic, but
        // replayed or badly timed", never "forged": that keeps the rejection metrics honest.
        if (!AnyKeyMatches(request.Body.Span, timestamp, value, source.Keys))
        {
            return Rejections.For(RejectionReason.SignatureMismatch);
        }

        if (UnixTimestamp.CheckFreshness(seconds, now, source.Tolerance) is { } stale)
        {
            return Rejections.For(stale);
        }

        return new VerificationResult.Verified(new VerifiedWebhook(request.Body, DeliveryId: null));
    }

    public NormalizationResult Normalize(VerifiedWebhook webhook, WebhookSource source, DateTimeOffset receivedAt) =>
        StripeEventNormalizer.Normalize(webhook.Payload, source, receivedAt);

    private static bool AnyKeyMatches(ReadOnlySpan<byte> body, string timestamp, string header, IReadOnlyList<byte[]> keys)
    {
        using var content = SignedContent.Create(body, timestamp);
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        foreach (var key in keys)
        {
            HMACSHA256.HashData(key, content.Span, expected);
            if (StripeSignatureHeader.Matches(header, expected))
            {
                return true;
            }
        }

        return false;
    }
}
