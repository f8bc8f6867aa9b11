using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using Payments.Ingress.Webhooks.Schemes.Common;

namespace Payments.Ingress.Webhooks.Schemes.LiqPay;

/// <summary>
/// LiqPay server callbacks (https://www.liqpay.ua/en/doc/api/callback): a form with data = base64 of the JSON and
/// signature = base64(sha1(private_key + data + private_key)). That construction is LiqPay's, not an HMAC; we
/// verify what they send.
/// <para>
/// LiqPay signs no timestamp and sends no delivery id, so freshness cannot be checked. A replayed callback is
/// byte-for-byte the same signed data, so it maps to the same event id and consumers' inboxes absorb it.
/// </para>
/// </summary>
internal sealed class LiqPayScheme : IWebhookScheme
{
    public const string SchemeName = "liqpay";

    public string Name => SchemeName;

    public string MediaType => "application/x-www-form-urlencoded";

    /// <summary>The private key text as UTF-8, which is what LiqPay concatenates around data.</summary>
    public byte[] DeriveKey(string secret) => Secrets.Utf8(secret, SchemeName);

    public VerificationResult Verify(WebhookRequest request, WebhookSource source, DateTimeOffset now)
    {
        var form = LiqPayForm.Parse(request.Body.Span);
        if (form is null)
        {
            return Rejections.For(RejectionReason.MalformedSignature);
        }

        if (form.Signature is not { Length: > 0 })
        {
            return Rejections.For(RejectionReason.MissingSignature);
        }

        Span<byte> received = stackalloc byte[SHA1.HashSizeInBytes];
        if (form.Data is not { Length: > 0 }
            || Base64.DecodeFromUtf8(form.Signature, received, out _, out var signatureLength) != OperationStatus.Done
            || signatureLength != SHA1.HashSizeInBytes
            || !TryDecodeData(form.Data, out var payload))
        {
            return Rejections.For(RejectionReason.MalformedSignature);
        }

        if (!AnyKeyMatches(form.Data, received, source.Keys))
        {
            return Rejections.For(RejectionReason.SignatureMismatch);
        }

        return new VerificationResult.Verified(new VerifiedWebhook(payload, DeliveryId: null));
    }

    public NormalizationResult Normalize(VerifiedWebhook webhook, WebhookSource source, DateTimeOffset receivedAt) =>
        LiqPayCallbackNormalizer.Normalize(webhook.Payload, source, receivedAt);

    private static bool TryDecodeData(byte[] data, out ReadOnlyMemory<byte> payload)
    {
        var buffer = new byte[Base64.GetMaxDecodedFromUtf8Length(data.Length)];
        var decoded = Base64.DecodeFromUtf8(data, buffer, out _, out var written) == OperationStatus.Done;
        payload = buffer.AsMemory(0, written);
        return decoded;
    }

    private static bool AnyKeyMatches(byte[] data, ReadOnlySpan<byte> received, IReadOnlyList<byte[]> keys)
    {
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        Span<byte> expected = stackalloc byte[SHA1.HashSizeInBytes];
        foreach (var key in keys)
        {
            sha1.AppendData(key);
            sha1.AppendData(data);
            sha1.AppendData(key);
            sha1.GetHashAndReset(expected);
            if (CryptographicOperations.FixedTimeEquals(expected, received))
            {
                return true;
            }
        }

        return false;
    }
}
