using Docker.DotNet;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Payments.Testing.Containers;

namespace Payments.Testing.Tests.Cleanup;

internal static class Docker
{
    /// <summary>A running container labelled as <paramref name="owner"/>'s, as a fixture of that owner would be.</summary>
    public static async Task<IContainer> StartOwnedByAsync(FixtureOwner owner, CancellationToken cancellationToken)
    {
        var container = new ContainerBuilder(ContainerImages.Current.Mailpit)
            .WithName($"payments-fixture-cleanup-test-{Guid.NewGuid().ToString("N")[..8]}")
            .WithLabel(owner.Labels)
            .Build();
        await container.StartAsync(cancellationToken);
        return container;
    }

    /// <summary>True once Docker no longer knows the container.</summary>
    public static async Task<bool> IsGoneAsync(string id, CancellationToken cancellationToken)
    {
        using var docker = DockerEngine.CreateClient();
        try
        {
            await docker.Containers.InspectContainerAsync(id, cancellationToken);
            return false;
        }
        catch (DockerContainerNotFoundException)
        {
            return true;
        }
    }
}
