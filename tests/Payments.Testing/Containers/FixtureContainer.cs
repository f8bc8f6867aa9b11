using System.Diagnostics;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;

namespace Payments.Testing.Containers;

/// <summary>
/// One server container of a fixture: published on 127.0.0.1 only, on fixed host ports that survive a
/// restart, labelled with its owner for the reaper, and polled until the fixture's own readiness check
/// holds after every start (the image's wait strategy alone does not prove the host-side port works).
/// </summary>
internal sealed class FixtureContainer : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly IContainer _container;
    private readonly Func<CancellationToken, Task<bool>> _isReady;
    private readonly TimeSpan _startupTimeout;

    private FixtureContainer(IContainer container, HostPorts ports, Func<CancellationToken, Task<bool>> isReady, TimeSpan startupTimeout)
    {
        _container = container;
        Ports = ports;
        _isReady = isReady;
        _startupTimeout = startupTimeout;
    }

    public HostPorts Ports { get; }

    public string Id => _container.Id;

    public bool IsRunning { get; private set; }

    /// <summary>Runs a command inside the container; throws with its output when it fails.</summary>
    public async Task ExecAsync(IList<string> command, CancellationToken cancellationToken) =>
        await ExecOutputAsync(command, cancellationToken);

    /// <summary>Runs a command inside the container and returns what it printed; throws with its output when it fails.</summary>
    public async Task<string> ExecOutputAsync(IList<string> command, CancellationToken cancellationToken)
    {
        var result = await _container.ExecAsync(command, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{string.Join(' ', command)}' exited {result.ExitCode}: {result.Stdout}{result.Stderr}");
        }

        return result.Stdout;
    }

    /// <summary>
    /// Builds the container on fresh host ports and starts it; when a port was taken between allocation and
    /// Docker binding it, starts again on new ports.
    /// </summary>
    /// <param name="containerPorts">Ports the server listens on inside the container.</param>
    /// <param name="build">Builds the container for the given host ports (see <see cref="FixtureContainerBuilder.WithFixtureDefaults"/>).</param>
    /// <param name="isReady">Readiness as the tests see it, over the published ports.</param>
    public static async Task<FixtureContainer> StartAsync(
        IEnumerable<int> containerPorts,
        Func<HostPorts, IContainer> build,
        Func<HostPorts, CancellationToken, Task<bool>> isReady,
        TimeSpan startupTimeout,
        CancellationToken cancellationToken)
    {
        await ContainerReaper.EnsureStartedAsync(cancellationToken);
        var wanted = containerPorts.ToArray();
        FixtureContainer? started = null;
        await StartupRetry.OnPortConflictAsync(async () =>
        {
            var ports = HostPorts.Allocate(wanted);
            var container = new FixtureContainer(build(ports), ports, token => isReady(ports, token), startupTimeout);
            try
            {
                await container.StartAsync(cancellationToken);
            }
            catch
            {
                await container.DisposeAsync();
                throw;
            }

            started = container;
        });
        return started!;
    }

    /// <summary>Starts the container (again, after a stop or kill: same ports, same data) and waits until it is ready.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
            throw new InvalidOperationException("The container is already running.");
        try
        {
            await _container.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new FixtureServerException($"{_container.Image.FullName} did not start.", await LogsAsync(e.ToString()));
        }

        IsRunning = true;
        var clock = Stopwatch.StartNew();
        while (!await ProbeAsync(cancellationToken))
        {
            if (clock.Elapsed > _startupTimeout)
                throw new FixtureServerException($"{_container.Image.FullName} was not ready within {_startupTimeout.TotalSeconds:0} s.", await LogsAsync(""));
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>docker stop: SIGTERM, and SIGKILL once Docker's stop timeout has passed.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!IsRunning)
            throw new InvalidOperationException("The container is not running.");
        IsRunning = false;
        await _container.StopAsync(cancellationToken);
    }

    /// <summary>docker kill: SIGKILL, no shutdown at all; the container keeps its data and ports for a restart.</summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        if (!IsRunning)
            throw new InvalidOperationException("The container is not running.");
        IsRunning = false;
        using (var docker = DockerEngine.CreateClient())
            await docker.Containers.KillContainerAsync(_container.Id, new ContainerKillParameters { Signal = "KILL" }, cancellationToken);
        // Stopping the dead container lets Testcontainers record the stop, so the next start's wait strategy
        // reads only that start's log and not the previous "ready" line.
        await _container.StopAsync(cancellationToken);
    }

    /// <summary>
    /// docker pause: every process in the container is frozen, while its ports stay open and the kernel still accepts
    /// what clients send. The server goes silent without closing anything. <see cref="UnpauseAsync"/> resumes it.
    /// </summary>
    public async Task PauseAsync(CancellationToken cancellationToken)
    {
        if (!IsRunning)
            throw new InvalidOperationException("The container is not running.");
        using var docker = DockerEngine.CreateClient();
        await docker.Containers.PauseContainerAsync(_container.Id, cancellationToken);
    }

    /// <summary>docker unpause, after <see cref="PauseAsync"/>.</summary>
    public async Task UnpauseAsync(CancellationToken cancellationToken)
    {
        using var docker = DockerEngine.CreateClient();
        await docker.Containers.UnpauseContainerAsync(_container.Id, cancellationToken);
    }

    /// <summary>Removes the container and its anonymous volumes.</summary>
    public async ValueTask DisposeAsync()
    {
        IsRunning = false;
        await _container.DisposeAsync();
    }

    private async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _isReady(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<string> LogsAsync(string prefix)
    {
        try
        {
            var (stdout, stderr) = await _container.GetLogsAsync(timestampsEnabled: false);
            return $"{prefix}\n{stdout}\n{stderr}";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return prefix;
        }
    }
}
