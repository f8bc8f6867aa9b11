using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Payments.ServiceDefaults.Security;

namespace Payments.ServiceDefaults.OpenApi;

/// <summary>
/// Marks every operation that requires authorization with the bearer scheme and the policies it needs (our policies
/// are named by scope; OpenAPI 3.1 lets a non-OAuth scheme list them), and adds the 401 and 403 problem answers that
/// authentication and authorization give before the handler runs.
/// </summary>
internal sealed class AuthorizedOperationTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        if (authorize.Count == 0 || metadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        var policies = authorize.Select(a => a.Policy).OfType<string>().Distinct().ToList();
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(BearerSecuritySchemeTransformer.SchemeName, context.Document)] = policies,
        });
        if (metadata.OfType<OperatorEndpoint>().Any())
        {
            operation.Description = Join(operation.Description,
                "Operator endpoint: served only on the management listener (Management:Urls), every call audited.");
        }

        var problem = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: cancellationToken);
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", Problem("No valid bearer token.", problem));
        operation.Responses.TryAdd("403", Problem("The token lacks the scope this operation needs.", problem));
    }

    private static OpenApiResponse Problem(string description, OpenApiSchema schema) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
    };

    private static string Join(string? first, string second) => string.IsNullOrEmpty(first) ? second : first + "\n\n" + second;
}
