using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Payments.ProviderSimulator.Configuration;

namespace Payments.ProviderSimulator.Targets;

/// <summary>
/// /sim/endpoints: register receivers in any scheme with a secret of the caller's choosing (so it can match what the
/// receiver was configured with) on an allowed host, list them (secrets are shown once, at registration), remove
/// them (pending retries to it stop).
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

    internal static Results<Created<TargetView>, ValidationProblem> Register(
        RegisterTargetRequest request, TargetRegistry registry, IOptions<SimulatorOptions> options)
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
        else if (ReceiverHosts.Problem(request.Url, ReceiverHosts.Allowed(options.Value)) is { } hostProblem)
        {
            errors["url"] = [hostProblem];
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
        return TypedResults.Created($"/sim/endpoints/{target.Id}", TargetView.Registered(target, !string.IsNullOrEmpty(request.Secret)));
    }

    internal static Ok<List<TargetView>> List(TargetRegistry registry) => TypedResults.Ok(registry.All.Select(TargetView.Listed).ToList());

    internal static Results<Ok<TargetView>, NotFound> Get(string id, TargetRegistry registry) =>
        registry.Find(id) is { } target ? TypedResults.Ok(TargetView.Listed(target)) : TypedResults.NotFound();

    internal static Results<NoContent, NotFound> Remove(string id, TargetRegistry registry) =>
        registry.Remove(id) is null ? TypedResults.NotFound() : TypedResults.NoContent();
}
