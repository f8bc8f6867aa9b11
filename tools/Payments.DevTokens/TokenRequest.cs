using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Payments.DevTokens;

internal sealed record TokenRequest(string KeyFile, string Issuer, string Subject, IReadOnlyList<string> Audiences, string Scope, double Hours)
{
    public static TokenRequest Parse(string[] args)
    {
        List<string> All(string name) => [.. args.Select((a, i) => (a, i)).Where(x => x.a == "--" + name && x.i + 1 < args.Length).Select(x => args[x.i + 1])];
        string Get(string name, string? fallback = null) =>
            All(name).LastOrDefault() ?? fallback ?? throw new ArgumentException($"--{name} is required.");

        var audiences = All("audience");
        return audiences.Count == 0
            ? throw new ArgumentException("--audience is required (once per audience).")
            : new TokenRequest(Get("key-file"), Get("issuer"), Get("subject"), audiences, Get("scope"), double.Parse(Get("hours", "12"), System.Globalization.CultureInfo.InvariantCulture));
    }

    public string Mint()
    {
        var key = Convert.FromBase64String(File.ReadAllText(KeyFile).Trim());
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(Hours),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = Subject,
                ["name"] = Subject,
                ["scope"] = Scope,
                ["aud"] = Audiences.ToArray(),
            },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
    }
}
