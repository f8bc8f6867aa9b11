using System.Security.Cryptography;
using System.Text;

namespace Payments.Messaging;

/// <summary>
/// A canonical event id is a name-based UUID (RFC 9562 §5.5, version 5) of "{source}/{providerEventId}":
/// the same webhook delivered twice yields the same id, which is what every consumer's inbox keys on.
/// </summary>
public static class EventIds
{
    // A fixed namespace UUID for Payments webhook events (random, generated once; never change it).
    private static readonly Guid Namespace = new("6f1c3e1a-2b4d-4f6e-9a8b-7c5d3e2f1a0b");

    public static Guid From(string source, string providerEventId)
    {
        var name = Encoding.UTF8.GetBytes($"{source}/{providerEventId}");
        Span<byte> input = stackalloc byte[16 + name.Length <= 512 ? 16 + name.Length : 0];
        var buffer = input.Length == 0 ? new byte[16 + name.Length] : input;
        Namespace.TryWriteBytes(buffer, bigEndian: true, out _);
        name.CopyTo(buffer[16..]);

        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(buffer, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash[..16], bigEndian: true);
    }
}
