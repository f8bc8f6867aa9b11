using System.Globalization;
using System.Security.Cryptography;
using Payments.Testing;
using Payments.Testing.Hosting;

namespace Payments.Compose.Tests.Compose;

/// <summary>
/// One copy of docker-compose.yml's system under a compose project of its own (payments-ct-{test host pid}-{id}) with
/// every host port on a free port of 127.0.0.1, so it runs beside a developer's system and leaves nothing when disposed
/// (`down -v --remove-orphans`); compose-reaper.sh removes it if the test host dies first.
/// </summary>
public sealed class ComposeProject : IAsyncDisposable
{
    // Image builds and `up` waiting for the dependencies' health checks are the slow commands. A cold build of the six
    // images (no layer cache, every restore in its own container) shares the two cores with the other test projects.
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(20);
    private readonly ComposeImages _images;
    private readonly Dictionary<string, string> _environment;

    public ComposeProject(ComposeImages images)
    {
        _images = images;
        Name = $"payments-ct-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}"[..32];
        _environment = ServicePorts.All.ToDictionary(v => v, _ => FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        _environment["PAYMENTS_CT_TAG"] = images.Tag;
        _environment["PAYMENTS_DEV_SIGNING_KEY"] = Payments.Testing.Security.TestTokens.SigningKey;
        // docker-compose.yml requires every password (its .env is not committed): fresh ones for each project.
        foreach (var password in Passwords)
        {
            _environment[password] = RandomNumberGenerator.GetHexString(24, lowercase: true);
        }
    }

    private static readonly string[] Passwords =
    [
        "PAYMENTS_RABBITMQ_ADMIN_PASSWORD", "PAYMENTS_POSTGRES_ADMIN_PASSWORD",
        "PAYMENTS_RABBITMQ_PASSWORD_INGRESS", "PAYMENTS_RABBITMQ_PASSWORD_ORDERS", "PAYMENTS_RABBITMQ_PASSWORD_NOTIFICATIONS",
        "PAYMENTS_RABBITMQ_PASSWORD_RECONCILIATION", "PAYMENTS_POSTGRES_PASSWORD_ORDERS", "PAYMENTS_POSTGRES_PASSWORD_NOTIFICATIONS",
        "PAYMENTS_POSTGRES_PASSWORD_RECONCILIATION", "PAYMENTS_RABBITMQ_PASSWORD_OPERATIONS", "PAYMENTS_POSTGRES_PASSWORD_OPERATIONS",
    ];

    public string Name { get; }

    /// <summary>
    /// What compose reads for this project (host ports, image tag, passwords, signing key): for a command that drives
    /// compose itself, as scripts/run-compose.sh does.
    /// </summary>
    public IReadOnlyDictionary<string, string> Variables => _environment;

    public string Url(string service) => $"http://127.0.0.1:{_environment[ServicePorts.Http[service]]}";

    /// <summary>Where the service's operator endpoints answer (its management listener, published on the host).</summary>
    public string ManagementUrl(string service) => $"http://127.0.0.1:{_environment[ServicePorts.Management[service]]}";

    public string MailpitUrl => $"http://127.0.0.1:{_environment[ServicePorts.MailpitUi]}";

    public string JaegerUrl => $"http://127.0.0.1:{_environment[ServicePorts.JaegerUi]}";

    /// <summary>
    /// `up -d`: every service when none is named; compose waits for the dependencies' health conditions first.
    /// <paramref name="recreate"/>: a new container even when the image and configuration did not change (compose
    /// otherwise keeps a container whose rebuilt image came out of the build cache identical).
    /// </summary>
    public async Task UpAsync(IEnumerable<string> services, bool noDeps = false, bool build = false, bool recreate = false, CancellationToken cancellationToken = default) =>
        await RunAsync(["up", "-d", .. Flag(noDeps, "--no-deps"), .. Flag(build, "--build"), .. Flag(recreate, "--force-recreate"), .. services], cancellationToken);

    public async Task BuildAsync(IEnumerable<string> services, CancellationToken cancellationToken) =>
        await RunAsync(["build", .. services], cancellationToken);

    /// <summary>The id of the service's container ("" when it has none).</summary>
    public async Task<string> ContainerIdAsync(string service, CancellationToken cancellationToken) =>
        (await RunAsync(["ps", "-q", service], cancellationToken)).Output.Trim();

    /// <summary>How often the engine restarted the service's container (restart: unless-stopped) since it was created.</summary>
    public async Task<int> RestartCountAsync(string service, CancellationToken cancellationToken)
    {
        var id = await ContainerIdAsync(service, cancellationToken);
        var inspect = (await Command.RunAsync("docker", ["inspect", "--format", "{{.RestartCount}}", id], TimeSpan.FromSeconds(30), cancellationToken)).EnsureSuccess();
        return int.Parse(inspect.Output.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The last lines of every container's log: what a failed assertion shows.</summary>
    public async Task<string> LogsAsync(CancellationToken cancellationToken) =>
        (await _images.Cli.RunAsync([.. Project(), "logs", "--no-color", "--tail", "60"], _environment, TimeSpan.FromMinutes(1), cancellationToken)).Output;

    /// <summary>Every container, network and volume still labelled with this project, one per line ("" when none is).</summary>
    public async Task<string> LeftoversAsync(CancellationToken cancellationToken)
    {
        var filter = $"label=com.docker.compose.project={Name}";
        var found = new List<string>();
        foreach (var kind in new[] { "container", "network", "volume" })
        {
            string[] stopped = kind == "container" ? ["--all"] : []; // a stopped container is left behind too
            var list = (await Command.RunAsync("docker", [kind, "ls", .. stopped, "--quiet", "--filter", filter],
                TimeSpan.FromSeconds(30), cancellationToken)).EnsureSuccess();
            found.AddRange(list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(id => $"{kind} {id}"));
        }

        return string.Join('\n', found);
    }

    public async Task DownAsync(CancellationToken cancellationToken) =>
        await RunAsync(["down", "-v", "--remove-orphans", "-t", "5"], cancellationToken);

    public async ValueTask DisposeAsync() => await DownAsync(CancellationToken.None);

    private async Task<CommandResult> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        (await _images.Cli.RunAsync([.. Project(), .. arguments], _environment, CommandTimeout, cancellationToken)).EnsureSuccess();

    private static string[] Flag(bool on, string flag) => on ? [flag] : [];

    private IEnumerable<string> Project() =>
        [.. _images.Files.SelectMany(f => new[] { "-f", f }), "--project-directory", Repository.Root, "-p", Name];
}
