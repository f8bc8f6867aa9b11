using Payments.Ingress.Webhooks.Schemes.Common;

namespace Payments.Ingress.Webhooks.Schemes.StandardWebhooks;

/// <summary>
/// The webhook-signature header: a space-delimited list of "{version},{base64}" so a sender can sign with an old
/// and a new secret during rotation (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md#webhook-headers-sending-metadata-to-consumers).
/// Only v1 (HMAC-SHA256) is ours to check; v1a (ed25519) and unknown versions are skipped, as the spec allows.
/// </summary>
internal static class StandardWebhooksSignatureHeader
{
    /// <summary>True when at least one v1 entry is a well-formed base64 SHA-256 digest.</summary>
    public static bool HasSignature(string header) => SignatureList.HasSignature(header, ' ', TryDecodeV1);

    /// <summary>True when any v1 entry equals <paramref name="expected"/>, compared in constant time.</summary>
    public static bool Matches(string header, ReadOnlySpan<byte> expected) => SignatureList.Matches(header, ' ', TryDecodeV1, expected);

    private static bool TryDecodeV1(ReadOnlySpan<char> entry, Span<byte> destination) =>
        entry.StartsWith("v1,")
        && Convert.TryFromBase64Chars(entry[3..], destination, out var written)
        && written == destination.Length;
}
