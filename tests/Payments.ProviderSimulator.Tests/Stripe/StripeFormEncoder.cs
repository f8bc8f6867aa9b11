using System.Collections;
using System.Globalization;
using System.Text;

namespace Payments.ProviderSimulator.Tests.Stripe;

/// <summary>
/// Encodes parameters the way Stripe's API documents and its libraries send them: application/x-www-form-urlencoded,
/// nested hashes as name[key]=value, arrays as name[0]=value, name[1]=value (stripe-node, stripe-python), brackets
/// percent-encoded. Written from the documentation, independently of the simulator's parser.
/// </summary>
public static class StripeFormEncoder
{
    public static string Encode(IEnumerable<(string Name, object? Value)> parameters)
    {
        var pairs = new List<string>();
        foreach (var (name, value) in parameters)
        {
            Flatten(name, value, pairs);
        }

        return string.Join('&', pairs);
    }

    private static void Flatten(string name, object? value, List<string> pairs)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                pairs.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(text)}");
                return;
            case bool flag:
                pairs.Add($"{Uri.EscapeDataString(name)}={(flag ? "true" : "false")}");
                return;
            case IDictionary hash:
                foreach (DictionaryEntry entry in hash)
                {
                    Flatten($"{name}[{entry.Key}]", entry.Value, pairs);
                }

                return;
            case IEnumerable list:
                var index = 0;
                foreach (var item in list)
                {
                    Flatten($"{name}[{index++}]", item, pairs);
                }

                return;
            default:
                pairs.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture)!)}");
                return;
        }
    }

    public static StringContent Content(string encoded) => new(encoded, Encoding.UTF8, "application/x-www-form-urlencoded");
}
