using System.Security.Cryptography;
using System.Text;

namespace Payments.ProviderSimulator.Stripe;

/// <summary>
/// The Stripe-Signature header (https://docs.stripe.com/webhooks#verify-manually): t={unix seconds},v1={hex
/// HMAC-SHA256 of "{t}.{payload}"}, keyed with the UTF-8 bytes of the whole whsec_ secret, as Stripe's libraries verify.
/// </summary>
internal static class StripeSignature
{
    public static string Header(string secret, long timestamp, ReadOnlySpan<byte> payload)
    {
        var prefix = Encoding.UTF8.GetBytes($"{timestamp}.");
        var signed = new byte[prefix.Length + payload.Length];
        prefix.CopyTo(signed, 0);
        payload.CopyTo(signed.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }
}
