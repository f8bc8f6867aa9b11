using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Payments.ProviderSimulator.Security;

/// <summary>
/// "Authorization: Bearer {admin key}" for the /sim controls. A missing or unknown key is challenged with 401
/// problem+json and a WWW-Authenticate header (RFC 6750 section 3); the key itself is never logged or echoed.
/// </summary>
internal sealed class AdminKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AdminKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(header.Parameter))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (keys.Match(header.Parameter) is not { } index)
        {
            return Task.FromResult(AuthenticateResult.Fail("The bearer token is not one of Simulator:AdminKeys."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, $"Simulator:AdminKeys:{index}")], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var unknownKey = (await HandleAuthenticateOnceSafeAsync()).Failure is not null;
        Response.Headers.WWWAuthenticate = unknownKey ? "Bearer realm=\"simulator\", error=\"invalid_token\"" : "Bearer realm=\"simulator\"";
        await TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: unknownKey ? "Unknown admin key" : "Admin key required",
            detail: unknownKey
                ? "The bearer token is not one of the simulator's admin keys (Simulator:AdminKeys)."
                : "The /sim controls need one of the simulator's admin keys (Simulator:AdminKeys) as 'Authorization: Bearer <key>'.")
            .ExecuteAsync(Context);
    }
}
