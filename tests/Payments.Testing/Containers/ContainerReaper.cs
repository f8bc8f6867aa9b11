using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Configurations;
using Payments.Testing.Hosting;

namespace Payments.Testing.Containers;

/// <summary>
/// Removes fixture containers whose test host is gone, where Testcontainers' own reaper (Ryuk) is switched
/// off (TESTCONTAINERS_RYUK_DISABLED=true, because its image cannot be pulled): a detached watchdog per test
/// host (container-reaper.sh) for a host killed with SIGKILL, and a sweep, before the first container of a
/// test host starts, of what earlier killed runs left when their watchdog died too. Where Ryuk runs, it does
/// this job and nothing here starts.
/// </summary>
internal static class ContainerReaper
{
    // Passed as $0, so `pgrep -f payments-container-reaper` finds a stray reaper.
    private const string ProcessName = "payments-container-reaper";

    private static readonly TimeSpan LaunchTimeout = TimeSpan.FromSeconds(10);

    private static readonly string Script = EmbeddedText.Read("container-reaper.sh");

    private static readonly Lazy<Task> ForThisProcess = new(async () =>
    {
        await SweepAsync(CancellationToken.None);
        // container-reaper.sh tells a gone owner by its /proc entry and detaches with setsid: off Linux it cannot run.
        if (HostFeatures.CanGuard)
            await GuardAsync(FixtureOwner.Current, CancellationToken.None);
    });

    /// <summary>Once per test host, before its first container: sweeps, then starts its watchdog.</summary>
    public static Task EnsureStartedAsync(CancellationToken cancellationToken) =>
        TestcontainersSettings.ResourceReaperEnabled ? Task.CompletedTask : ForThisProcess.Value.WaitAsync(cancellationToken);

    /// <summary>Starts a detached watchdog that removes <paramref name="owner"/>'s containers once it is gone.</summary>
    public static async Task GuardAsync(FixtureOwner owner, CancellationToken cancellationToken)
    {
        // setsid --fork: the reaper gets its own session and is re-parented to init, so neither a kill of
        // the test host nor a signal to the test run's process group takes it down too.
        var labels = owner.Labels;
        var result = await Command.RunAsync(
            HostFeatures.Setsid,
            ["--fork", "/bin/bash", "-c", Script, ProcessName, labels[FixtureOwner.PidLabel], labels[FixtureOwner.StartLabel], owner.Host],
            LaunchTimeout,
            cancellationToken);
        result.EnsureSuccess();
    }

    /// <summary>Removes every fixture container on this machine whose owner no longer runs.</summary>
    public static async Task SweepAsync(CancellationToken cancellationToken)
    {
        using var docker = DockerEngine.CreateClient();
        var containers = await docker.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>>
                {
                    ["label"] = new Dictionary<string, bool> { [$"{FixtureOwner.HostLabel}={Environment.MachineName}"] = true },
                },
            },
            cancellationToken);
        foreach (var container in containers)
        {
            if (FixtureOwner.FromLabels(container.Labels) is { IsAlive: false })
            {
                try
                {
                    await docker.Containers.RemoveContainerAsync(
                        container.ID,
                        new ContainerRemoveParameters { Force = true, RemoveVolumes = true },
                        cancellationToken);
                }
                catch (DockerContainerNotFoundException)
                {
                    // Another test host swept it first.
                }
                catch (DockerApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.Conflict)
                {
                    // Another test host (or its watchdog) is removing it right now ("removal already in progress").
                }
            }
        }
    }
}
