using System.Security.Cryptography;
using System.Text;

namespace Payments.ProviderSimulator.LiqPay;

/// <summary>
/// LiqPay's signature (https://www.liqpay.ua/en/doc/callback): base64(sha1(private_key + data + private_key)), data
/// being the base64 text of the JSON. LiqPay's own construction, not an HMAC; the same for callbacks and API requests.
/// </summary>
internal static class LiqPaySignature
{
    public static string Sign(string privateKey, string data) =>
        Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(privateKey + data + privateKey)));

    public static bool Verify(string privateKey, string data, string signature)
    {
        var expected = SHA1.HashData(Encoding.UTF8.GetBytes(privateKey + data + privateKey));
        Span<byte> presented = stackalloc byte[SHA1.HashSizeInBytes + 3];
        return Convert.TryFromBase64String(signature, presented, out var written)
            && written == SHA1.HashSizeInBytes
            && CryptographicOperations.FixedTimeEquals(expected, presented[..written]);
    }
}
