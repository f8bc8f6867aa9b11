using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Payments.Testing.Security;

/// <summary>
/// Bearer tokens signed with a key generated per test run (nothing committed works anywhere), and the
/// Authentication:Schemes:Bearer settings that make a service trust it: <see cref="Settings"/> for an in-process host;
/// ServiceProcess sets them on every process it starts.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "payments-tests";

    /// <summary>The signing key, base64, as Authentication:Schemes:Bearer:SigningKeys:0:Value reads it.</summary>
    public static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Authentication:Schemes:Bearer:ValidIssuer"] = Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = SigningKey,
    };

    /// <summary>A token for the audience with the scopes (space-separated in the scope claim).</summary>
    public static string For(string audience, params string[] scopes) => Create([audience], scopes);

    public static AuthenticationHeaderValue Bearer(string audience, params string[] scopes) => new("Bearer", For(audience, scopes));

    public static string Create(
        IEnumerable<string> audiences,
        IEnumerable<string> scopes,
        string subject = "test-client",
        DateTime? expires = null,
        string? signingKey = null,
        string issuer = Issuer,
        string scopeClaim = "scope")
    {
        var now = DateTime.UtcNow;
        var end = expires ?? now.AddHours(1);
        var claims = new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["name"] = subject,
            [scopeClaim] = string.Join(' ', scopes),
            ["aud"] = audiences.ToArray(),
        };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Claims = claims,
            IssuedAt = end < now ? end.AddMinutes(-10) : now,
            NotBefore = end < now ? end.AddMinutes(-10) : now,
            Expires = end,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(signingKey ?? SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
