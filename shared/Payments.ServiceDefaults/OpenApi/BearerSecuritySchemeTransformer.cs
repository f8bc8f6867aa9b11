using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Payments.ServiceDefaults.OpenApi;

/// <summary>
/// Declares the bearer scheme every authenticated endpoint here reads ("Authorization: Bearer ..."): a JWT where the
/// service has API identity (AddApiIdentity), an opaque key otherwise (the simulator's admin keys).
/// </summary>
internal sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "Bearer";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        // A service without authentication (the ingress) has no scheme provider at all.
        var schemes = context.ApplicationServices.GetService<IAuthenticationSchemeProvider>();
        var all = schemes is null ? [] : (await schemes.GetAllSchemesAsync()).ToList();
        if (all.Count == 0)
        {
            return;
        }

        var jwt = all.Any(s => s.HandlerType == typeof(JwtBearerHandler));
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = jwt ? "JWT" : null,
            In = ParameterLocation.Header,
            Description = jwt
                ? "A JWT for this service's own audience; each operation lists the scopes it needs (docs/decisions/0003-identity-jwt-scopes-management-listener.md)."
                : "One of the service's admin keys.",
        };
    }
}
