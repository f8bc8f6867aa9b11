using System.Security.Cryptography;
using System.Text;

namespace Payments.Reconciliation.Providers.LiqPay;

/// <summary>LiqPay's request signature (https://www.liqpay.ua/en/doc/api/internet_acquiring/status): base64(sha1(private_key + data + private_key)).</summary>
internal static class LiqPaySignature
{
    public static string Sign(string privateKey, string data) =>
        Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(privateKey + data + privateKey)));
}
