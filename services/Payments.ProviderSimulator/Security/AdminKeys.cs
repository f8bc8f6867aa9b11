using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Payments.ProviderSimulator.Configuration;

namespace Payments.ProviderSimulator.Security;

/// <summary>
/// The configured Simulator:AdminKeys, held as SHA-256 digests. A presented key is hashed and compared with every
/// digest in constant time (CryptographicOperations.FixedTimeEquals, no early exit), so neither timing nor length
/// tells a caller how close a guess was.
/// </summary>
internal sealed class AdminKeys(IOptions<SimulatorOptions> options)
{
    private readonly byte[][] _digests = [.. options.Value.AdminKeys.Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k)))];

    /// <summary>The position of the matching key in Simulator:AdminKeys (a name for it that reveals nothing), or null.</summary>
    public int? Match(string presented)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        int? match = null;
        for (var i = 0; i < _digests.Length; i++)
        {
            if (CryptographicOperations.FixedTimeEquals(_digests[i], digest))
            {
                match = i;
            }
        }

        return match;
    }
}
