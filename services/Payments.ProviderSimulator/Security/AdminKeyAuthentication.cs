using Microsoft.AspNetCore.Authentication;

namespace Payments.ProviderSimulator.Security;

/// <summary>The /sim controls' authentication scheme and the policy Program.cs puts on them.</summary>
internal static class AdminKeyAuthentication
{
    public const string Scheme = "SimulatorAdminKey";
    public const string Policy = "simulator:admin";

    public static IServiceCollection AddAdminKeyAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<AdminKeys>();
        // No default scheme: as the only one registered it would become the default and judge (and log) the Bearer
        // keys every /v1 request carries. The switch is ASP.NET Core's documented way out of that
        // (https://learn.microsoft.com/aspnet/core/security/authentication/#defaultscheme); set here rather than in
        // the project file so it holds wherever the simulator is hosted, WebApplicationFactory included.
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AdminKeyHandler>(Scheme, displayName: null, configureOptions: null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }
}
