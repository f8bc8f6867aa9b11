using System.Security.Cryptography;
using System.Text;

namespace Payments.Notifications.Ledger;

/// <summary>
/// A notification's id is a name-based UUID (RFC 9562 §5.5, version 5) of "{event message id}/{kind}": the same event
/// always yields the same notification, and so the same Message-ID header, however often it is delivered or resent.
/// </summary>
public static class NotificationIds
{
    // A fixed namespace UUID for Payments notifications (random, generated once; never change it).
    private static readonly Guid Namespace = new("b7e0c4d2-5a1f-4c8e-9d3b-2f6a8e1c7d40");

    public static Guid For(Guid eventId, string kind)
    {
        var name = Encoding.UTF8.GetBytes($"{eventId:D}/{kind}");
        var buffer = new byte[16 + name.Length];
        Namespace.TryWriteBytes(buffer, bigEndian: true, out _);
        name.CopyTo(buffer, 16);

        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(buffer, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>
    /// The Message-ID header (RFC 5322 §3.6.4) for a notification: unique per notification and stable across attempts,
    /// so a receiving system that keeps Message-IDs can drop a second copy of the same email.
    /// </summary>
    public static string MessageId(Guid notificationId, string senderDomain) => $"<{notificationId:D}@{senderDomain}>";
}
