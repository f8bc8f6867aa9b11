using System.Security.Cryptography;

namespace Payments.ProviderSimulator;

/// <summary>Stripe-style object ids ("pi_3MtwBwLkdIwHu7ix28a3tqPa"): a type prefix and random base62 characters.</summary>
internal static class Ids
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New(string prefix, int length = 24) => prefix + "_" + Random(length);

    public static string Random(int length) => new(RandomNumberGenerator.GetItems<char>(Base62, length));
}
