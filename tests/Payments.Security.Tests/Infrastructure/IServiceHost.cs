using Microsoft.AspNetCore.Routing;

namespace Payments.Security.Tests.Infrastructure;

/// <summary>A started service, whatever its Program.</summary>
public interface IServiceHost : IAsyncDisposable
{
    string Name { get; }

    /// <summary>The audience it accepts; null for the ingress, which takes only signed webhooks.</summary>
    string? Audience { get; }

    Uri PublicUrl { get; }

    Uri ManagementUrl { get; }

    IReadOnlyList<RouteEndpoint> Endpoints { get; }
}
