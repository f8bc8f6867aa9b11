using System.Security.Cryptography;
using Payments.Ingress.Webhooks.Schemes.Common;

namespace Payments.Ingress.Webhooks.Schemes.StandardWebhooks;

/// <summary>
/// Standard Webhooks, symmetric signatures (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md#signature-scheme):
/// HMAC-SHA256 over "{webhook-id}.{webhook-timestamp}.{body}", base64 in webhook-signature. The body is our
/// generic payment event (see <see cref="GenericPaymentEventNormalizer"/>); webhook-id is the event id.
/// </summary>
internal sealed class StandardWebhooksScheme : IWebhookScheme
{
    public const string SchemeName = "standard-webhooks";

    private const string SecretPrefix = "whsec_";

    public string Name => SchemeName;

    public string MediaType => "application/json";

    /// <summary>Secrets are "whsec_" + base64 of the key bytes; the prefix is optional, as in the reference libraries.</summary>
    public byte[] DeriveKey(string secret)
    {
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        var key = new byte[encoded.Length * 3 / 4];
        if (encoded.Length == 0 || !Convert.TryFromBase64String(encoded, key, out var written) || written == 0)
        {
            throw new FormatException($"A {SchemeName} secret must be base64 key bytes, optionally prefixed with '{SecretPrefix}'.");
        }

        return key[..written];
    }

    public VerificationResult Verify(WebhookRequest request, WebhookSource source, DateTimeOffset now)
    {
        var id = Header.Read(request.Headers, "webhook-id");
        var timestamp = Header.Read(request.Headers, "webhook-timestamp");
        var signature = Header.Read(request.Headers, "webhook-signature");
        if (id.IsRepeated || timestamp.IsRepeated || signature.IsRepeated)
        {
            return Rejections.For(RejectionReason.MalformedSignature);
        }

        if (signature.Value is not { } signatures)
        {
            return Rejections.For(RejectionReason.MissingSignature);
        }

        if (timestamp.Value is not { } timestampText)
        {
            return Rejections.For(RejectionReason.MissingTimestamp);
        }

        // Without the id there is nothing to reconstruct the signed content from, nor an event id to dedupe on.
        if (id.Value is not { } messageId
            || !UnixTimestamp.TryParse(timestampText, out var seconds)
            || !StandardWebhooksSignatureHeader.HasSignature(signatures))
        {
            return Rejections.For(RejectionReason.MalformedSignature);
        }

        // Signature before clock, so stale/future always means "authentic but replayed or badly timed".
        if (!AnyKeyMatches(request.Body.Span, messageId, timestampText, signatures, source.Keys))
        {
            return Rejections.For(RejectionReason.SignatureMismatch);
        }

        if (UnixTimestamp.CheckFreshness(seconds, now, source.Tolerance) is { } stale)
        {
            return Rejections.For(stale);
        }

        return new VerificationResult.Verified(new VerifiedWebhook(request.Body, messageId));
    }

    public NormalizationResult Normalize(VerifiedWebhook webhook, WebhookSource source, DateTimeOffset receivedAt) =>
        GenericPaymentEventNormalizer.Normalize(webhook, SchemeName, source, receivedAt);

    private static bool AnyKeyMatches(
        ReadOnlySpan<byte> body, string messageId, string timestamp, string signatures, IReadOnlyList<byte[]> keys)
    {
        using var content = SignedContent.Create(body, messageId, timestamp);
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        foreach (var key in keys)
        {
            HMACSHA256.HashData(key, content.Span, expected);
            if (StandardWebhooksSignatureHeader.Matches(signatures, expected))
            {
                return true;
            }
        }

        return false;
    }
}
