using System.Security.Cryptography;

namespace Payments.Ingress.Webhooks.Schemes.Common;

/// <summary>
/// A header that carries one HMAC-SHA256 signature per active secret, so a sender can sign with the old and the new
/// one while a secret rotates (Stripe's v1= elements, Standard Webhooks' v1, entries). Each scheme says how its
/// entries are separated and how one decodes; entries of other versions decode to nothing and are skipped.
/// </summary>
internal static class SignatureList
{
    /// <summary>Decodes one entry into a SHA-256 digest; false when it is not a well-formed entry of the version checked.</summary>
    public delegate bool EntryDecoder(ReadOnlySpan<char> entry, Span<byte> digest);

    /// <summary>True when at least one entry decodes to a digest.</summary>
    public static bool HasSignature(string header, char separator, EntryDecoder decode) =>
        Scan(header, separator, decode, expected: default, compare: false);

    /// <summary>True when any entry equals <paramref name="expected"/>, compared in constant time.</summary>
    public static bool Matches(string header, char separator, EntryDecoder decode, ReadOnlySpan<byte> expected) =>
        Scan(header, separator, decode, expected, compare: true);

    private static bool Scan(string header, char separator, EntryDecoder decode, ReadOnlySpan<byte> expected, bool compare)
    {
        Span<byte> candidate = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var span = header.AsSpan();
        foreach (var range in span.Split(separator))
        {
            if (decode(span[range], candidate) && (!compare || CryptographicOperations.FixedTimeEquals(candidate, expected)))
            {
                return true;
            }
        }

        return false;
    }
}
