using Docker.DotNet;
using DotNet.Testcontainers.Configurations;

namespace Payments.Testing.Containers;

/// <summary>The Docker engine Testcontainers talks to, for what its container API does not offer (kill, sweep).</summary>
internal static class DockerEngine
{
    /// <summary>A client for the same endpoint, with the same settings (DOCKER_HOST, DOCKER_API_VERSION, ...).</summary>
    public static DockerClient CreateClient() =>
        TestcontainersSettings.OS.DockerEndpointAuthConfig.GetDockerClientBuilder(Guid.Empty).Build();
}
