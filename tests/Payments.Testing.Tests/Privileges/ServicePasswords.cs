using System.Security.Cryptography;

namespace Payments.Testing.Tests.Privileges;

/// <summary>Fresh passwords for the services' users, under the variable names the infra/ scripts read.</summary>
internal static class ServicePasswords
{
    public static Dictionary<string, string> For(string prefix, IEnumerable<string> services) =>
        services.ToDictionary(service => $"{prefix}{service.ToUpperInvariant()}", _ => RandomNumberGenerator.GetHexString(24, lowercase: true));
}
