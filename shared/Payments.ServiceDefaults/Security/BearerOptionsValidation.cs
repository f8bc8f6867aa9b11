using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Payments.ServiceDefaults.Security;

/// <summary>
/// Start-up checks of Authentication:Schemes:Bearer (bound by ASP.NET Core itself, the form `dotnet user-jwts` writes).
/// The audience is the service's own and fixed in code: a configured one naming anything else is refused, so a token
/// minted for one service can never be replayed against another by a configuration slip.
/// </summary>
internal sealed class BearerOptionsValidation(string audience, IConfiguration configuration, IHostEnvironment environment)
    : IValidateOptions<JwtBearerOptions>
{
    public const string Section = "Authentication:Schemes:" + JwtBearerDefaults.AuthenticationScheme;

    /// <summary>HS256 needs a key of at least 256 bits (RFC 7518 §3.2).</summary>
    private const int MinimumKeyBytes = 32;

    public ValidateOptionsResult Validate(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return ValidateOptionsResult.Skip;
        }

        var section = configuration.GetSection(Section);
        var failures = new List<string>();
        var configured = section.GetSection("ValidAudiences").Get<string[]>() ?? [];
        foreach (var other in configured.Append(section["ValidAudience"]).Where(a => !string.IsNullOrEmpty(a) && a != audience))
        {
            failures.Add($"{Section}:ValidAudiences names \"{other}\": this service accepts only its own audience, \"{audience}\".");
        }

        var keys = section.GetSection("SigningKeys").GetChildren().ToList();
        for (var i = 0; i < keys.Count; i++)
        {
            if (!IsLongEnoughBase64(keys[i]["Value"]))
            {
                failures.Add($"{Section}:SigningKeys:{i}:Value must be a base64 key of at least {MinimumKeyBytes} bytes.");
            }
        }

        var signingKeys = options.TokenValidationParameters.IssuerSigningKeys?.Count() ?? 0;
        if (keys.Count > 0 && signingKeys == 0)
        {
            failures.Add($"{Section}:SigningKeys: no key's Issuer is one of {Section}:ValidIssuer / ValidIssuers, so none is used.");
        }

        var developer = environment.IsDevelopment() || environment.IsEnvironment("Testing");
        if (string.IsNullOrWhiteSpace(options.Authority) && signingKeys == 0 && !developer)
        {
            failures.Add($"Missing configuration: {Section}:Authority (an identity provider), or {Section}:ValidIssuer with " +
                         $"{Section}:SigningKeys:0:Issuer and {Section}:SigningKeys:0:Value (a base64 key).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLongEnoughBase64(string? value)
    {
        var buffer = new byte[((value?.Length ?? 0) * 3 / 4) + 3];
        return value is not null && Convert.TryFromBase64String(value, buffer, out var written) && written >= MinimumKeyBytes;
    }
}
