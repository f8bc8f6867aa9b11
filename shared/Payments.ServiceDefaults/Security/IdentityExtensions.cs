using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Payments.ServiceDefaults.Security;

/// <summary>
/// Identity on a service's API (docs/decisions/0003-identity-jwt-scopes-management-listener.md): JWT bearer tokens
/// for the service's own audience, one authorization policy per scope, operator endpoints on the management listener.
/// </summary>
public static class IdentityExtensions
{
    public static WebApplicationBuilder AddApiIdentity(this WebApplicationBuilder builder, string audience) =>
        builder.AddIdentity(audience, ManagementListener.From(builder.Configuration, builder.Environment));

    /// <summary>
    /// Identity on a service that serves operators only (Operations): the same tokens and policies, and every listener
    /// a management listener (<see cref="ManagementListener.OperatorService"/>), in every environment.
    /// </summary>
    public static WebApplicationBuilder AddOperatorServiceIdentity(this WebApplicationBuilder builder, string audience) =>
        builder.AddIdentity(audience, ManagementListener.OperatorService(builder.Configuration));

    private static WebApplicationBuilder AddIdentity(this WebApplicationBuilder builder, string audience, ManagementListener listener)
    {
        var services = builder.Services;
        // AddJwtBearer binds Authentication:Schemes:Bearer (Authority, ValidIssuer(s), SigningKeys, ...) itself.
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure(o =>
            {
                o.MapInboundClaims = false; // keep sub, scope and scp as the token writes them
                o.TokenValidationParameters.ValidAudience = audience;
                o.TokenValidationParameters.ValidAudiences = [audience];
                o.TokenValidationParameters.NameClaimType = "name";
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<JwtBearerOptions>>(
            new BearerOptionsValidation(audience, builder.Configuration, builder.Environment));

        var authorization = services.AddAuthorizationBuilder();
        foreach (var scope in Scopes.All)
        {
            authorization.AddPolicy(scope, p => p.RequireAuthenticatedUser().RequireAssertion(c => Scopes.Has(c.User, scope)));
        }

        if (listener.Urls.Count > 0)
        {
            // A second set of addresses on the same Kestrel; the policy below tells them apart by local port.
            builder.WebHost.UseUrls([.. listener.PublicUrls, .. listener.Urls]);
        }

        services.AddSingleton(listener);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, ManagementListenerPolicy>());
        return builder;
    }

    /// <summary>
    /// Authentication, the operator audit and authorization, after the problem+json middleware of MapDefaultEndpoints
    /// so that 401 and 403 answer problem+json too (JwtBearer's challenge writes only the status and WWW-Authenticate).
    /// </summary>
    public static WebApplication UseApiIdentity(this WebApplication app)
    {
        app.UseMiddleware<OperatorAuditMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        var listener = app.Services.GetRequiredService<ManagementListener>();
        var audience = app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>()
            .Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters.ValidAudience;
        // Operator endpoints served nowhere is safe but rarely meant: say so where an operator looks first.
        app.Logger.Log(listener.Urls.Count == 0 && !listener.ServeOperatorsEverywhere ? LogLevel.Warning : LogLevel.Information,
            "Identity: audience {Audience}; {Listener}", audience, listener);
        return app;
    }
}
