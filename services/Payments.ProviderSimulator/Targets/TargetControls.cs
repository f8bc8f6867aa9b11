using Microsoft.AspNetCore.Http.HttpResults;

namespace Payments.ProviderSimulator.Targets;

/// <summary>
/// /sim/endpoints: register receivers in any scheme with a secret of the caller's choosing (so it can match what the
/// receiver was configured with), list them with their secrets, remove them (pending retries to it stop).
/// </summary>
internal static class TargetControls
{
    public static RouteGroupBuilder MapTargetControls(this RouteGroupBuilder sim)
    {
        sim.MapPost("/endpoints", Register).WithName("RegisterSimEndpoint");
        sim.MapGet("/endpoints", List).WithName("ListSimEndpoints");
        sim.MapGet("/endpoints/{id}", Get).WithName("GetSimEndpoint");
        sim.MapDelete("/endpoints/{id}", Remove).WithName("RemoveSimEndpoint");
        return sim;
    }

    internal static Results<Created<WebhookTarget>, ValidationProblem> Register(RegisterTargetRequest request, TargetRegistry registry)
    {
        var errors = new Dictionary<string, string[]>();
        if (!WebhookSchemes.IsKnown(request.Scheme))
        {
            errors["scheme"] = [$"must be one of {string.Join(", ", WebhookSchemes.All)}."];
        }
        else if (TargetSecrets.Problem(request.Scheme!, request.Secret) is { } problem)
        {
            errors["secret"] = [problem];
        }

        if (!TargetUrls.IsValid(request.Url))
        {
            errors["url"] = ["must be an absolute http:// or https:// URL."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid endpoint");
        }

        var target = registry.Add(new NewTarget(
            request.Scheme!,
            request.Url!,
            request.Secret,
            request.EnabledEvents ?? [],
            request.Description,
            new Dictionary<string, string>(),
            TargetOrigin.SimControls));
        return TypedResults.Created($"/sim/endpoints/{target.Id}", target);
    }

    internal static Ok<IReadOnlyList<WebhookTarget>> List(TargetRegistry registry) => TypedResults.Ok(registry.All);

    internal static Results<Ok<WebhookTarget>, NotFound> Get(string id, TargetRegistry registry) =>
        registry.Find(id) is { } target ? TypedResults.Ok(target) : TypedResults.NotFound();

    internal static Results<NoContent, NotFound> Remove(string id, TargetRegistry registry) =>
        registry.Remove(id) is null ? TypedResults.NotFound() : TypedResults.NoContent();
}
