using System.Buffers;
using System.Security.Cryptography;
using Payments.Ingress.Webhooks.Schemes.Common;

namespace Payments.Ingress.Webhooks.Schemes.GitHub;

/// <summary>
/// GitHub-style HMAC, as many generic senders do it
/// (https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries): X-Hub-Signature-256 is
/// "sha256=" + hex HMAC-SHA256 of the body, and X-GitHub-Delivery is a per-delivery GUID that redeliveries keep.
/// The body is our generic payment event (see <see cref="GenericPaymentEventNormalizer"/>).
/// <para>
/// The scheme signs neither a timestamp nor the delivery id, so freshness cannot be checked and a captured
/// request can be replayed. So the event id comes from the signed body, not the delivery header: a replay, under
/// the same or a new delivery id, is the same event and is absorbed downstream. Prefer Standard Webhooks for any
/// sender that can do it.
/// </para>
/// </summary>
internal sealed class GitHubScheme : IWebhookScheme
{
    public const string SchemeName = "github";

    private const string SignaturePrefix = "sha256=";

    public string Name => SchemeName;

    public string MediaType => "application/json";

    /// <summary>The secret text as UTF-8 is the key, as GitHub uses it.</summary>
    public byte[] DeriveKey(string secret) => Secrets.Utf8(secret, SchemeName);

    public VerificationResult Verify(WebhookRequest request, WebhookSource source, DateTimeOffset now)
    {
        var signature = Header.Read(request.Headers, "X-Hub-Signature-256");
        var delivery = Header.Read(request.Headers, "X-GitHub-Delivery");
        if (signature.IsRepeated || delivery.IsRepeated)
        {
            return Rejections.For(RejectionReason.MalformedSignature);
        }

        if (signature.Value is not { } value)
        {
            return Rejections.For(RejectionReason.MissingSignature);
        }

        Span<byte> received = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (delivery.Value is null || !TryDecode(value, received))
        {
            return Rejections.For(RejectionReason.MalformedSignature);
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        foreach (var key in source.Keys)
        {
            HMACSHA256.HashData(key, request.Body.Span, expected);
            if (CryptographicOperations.FixedTimeEquals(expected, received))
            {
                // The delivery id is required, as GitHub always sends one, but unsigned: it identifies nothing.
                return new VerificationResult.Verified(new VerifiedWebhook(request.Body, DeliveryId: null));
            }
        }

        return Rejections.For(RejectionReason.SignatureMismatch);
    }

    public NormalizationResult Normalize(VerifiedWebhook webhook, WebhookSource source, DateTimeOffset receivedAt) =>
        GenericPaymentEventNormalizer.Normalize(webhook, SchemeName, source, receivedAt);

    private static bool TryDecode(string header, Span<byte> destination)
    {
        var hex = header.AsSpan().Trim();
        return hex.StartsWith(SignaturePrefix)
            && hex.Length == SignaturePrefix.Length + (destination.Length * 2)
            && Convert.FromHexString(hex[SignaturePrefix.Length..], destination, out _, out var written) == OperationStatus.Done
            && written == destination.Length;
    }
}
