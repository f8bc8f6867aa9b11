using System.Buffers;
using System.Security.Cryptography;
using Payments.Ingress.Webhooks.Schemes.Common;

namespace Payments.Ingress.Webhooks.Schemes.Stripe;

/// <summary>
/// The Stripe-Signature header, "t=1492774577,v1=5257a869…,v0=6ffbb59b…": one timestamp and one hex HMAC-SHA256
/// per active endpoint secret under v1 (https://docs.stripe.com/webhooks#verify-manually). Other schemes (v0, a
/// test-mode artefact) are ignored, as Stripe's own libraries do. Parsed in place, without splitting into strings.
/// </summary>
internal static class StripeSignatureHeader
{
    private const int HexLength = HMACSHA256.HashSizeInBytes * 2;

    /// <summary>
    /// Reads the one t= element. <paramref name="text"/> is its value exactly as sent, because that text, not a
    /// reformatted number, is what Stripe signed. Null when found, otherwise why the header is unusable.
    /// </summary>
    public static RejectionReason? ReadTimestamp(string header, out long seconds, out string text)
    {
        seconds = 0;
        text = "";
        var found = false;
        var span = header.AsSpan();
        foreach (var range in span.Split(','))
        {
            var element = span[range].Trim();
            if (!element.StartsWith("t="))
            {
                continue;
            }

            // Two timestamps leave it open which one the signature covers.
            if (found || !Common.UnixTimestamp.TryParse(element[2..], out seconds))
            {
                return RejectionReason.MalformedSignature;
            }

            text = element[2..].ToString();
            found = true;
        }

        return found ? null : RejectionReason.MissingTimestamp;
    }

    /// <summary>True when at least one v1 element is a well-formed SHA-256 hex digest.</summary>
    public static bool HasSignature(string header) => SignatureList.HasSignature(header, ',', TryDecodeV1);

    /// <summary>True when any v1 element equals <paramref name="expected"/>, compared in constant time.</summary>
    public static bool Matches(string header, ReadOnlySpan<byte> expected) => SignatureList.Matches(header, ',', TryDecodeV1, expected);

    private static bool TryDecodeV1(ReadOnlySpan<char> element, Span<byte> destination)
    {
        element = element.Trim();
        if (!element.StartsWith("v1=") || element.Length != 3 + HexLength)
        {
            return false;
        }

        return Convert.FromHexString(element[3..], destination, out _, out var written) == OperationStatus.Done
            && written == destination.Length;
    }
}
