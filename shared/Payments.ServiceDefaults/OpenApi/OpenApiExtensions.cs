using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Payments.ServiceDefaults.Security;
using Scalar.AspNetCore;

namespace Payments.ServiceDefaults.OpenApi;

/// <summary>
/// The OpenAPI document of a service's HTTP API at /openapi/v1.json, with the bearer scheme and who may call each
/// operation, and a browsable page at /scalar in Development. Who may read the document:
/// docs/decisions/0011-openapi-documents.md.
/// </summary>
public static class OpenApiExtensions
{
    public const string DocumentPath = "/openapi/{documentName}.json";
    public const string PagePath = "/scalar";

    public static WebApplicationBuilder AddDefaultOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
            options.AddOperationTransformer<AuthorizedOperationTransformer>();
        });
        return builder;
    }

    /// <summary>
    /// Development and Testing: the document for anyone (and the page in Development). Elsewhere a service with API
    /// identity serves it as an operator endpoint (payments:ops, management listener, audited); one without (the
    /// ingress, the simulator) does not serve it.
    /// </summary>
    public static WebApplication MapDefaultOpenApi(this WebApplication app)
    {
        if (IsDeveloper(app.Environment))
        {
            app.MapOpenApi(DocumentPath);
            if (app.Environment.IsDevelopment())
            {
                app.MapScalarApiReference(PagePath);
            }
        }
        else if (app.Services.GetService<ManagementListener>() is not null)
        {
            app.MapOpenApi(DocumentPath).RequireOperator();
        }

        return app;
    }

    private static bool IsDeveloper(IWebHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");
}
