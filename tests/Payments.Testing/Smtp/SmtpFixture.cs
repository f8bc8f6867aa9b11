using System.Globalization;
using System.Net.Sockets;
using DotNet.Testcontainers.Builders;
using Payments.Testing.Containers;
using Payments.Testing.Smtp.Mailpit;
using Xunit;

namespace Payments.Testing.Smtp;

/// <summary>
/// A real SMTP server that keeps every message it accepts: Mailpit in a container (image from
/// <see cref="ContainerImages"/>), published on 127.0.0.1 at ports that stay the same across a restart. It
/// can refuse mail with a temporary failure on demand (Mailpit's chaos triggers) and be stopped and started
/// to simulate an outage, keeping its messages. Use it as a collection or assembly fixture.
/// </summary>
public sealed class SmtpFixture : IAsyncLifetime
{
    private const int SmtpPort = 1025;
    private const int HttpPort = 8025;

    // Kept in the container's own filesystem, which a restart keeps and removal deletes.
    private const string DatabaseDirectory = "/data";

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);

    private FixtureContainer? _container;
    private HttpClient? _api;

    public string Host => "127.0.0.1";

    public int Port { get; private set; }

    /// <summary>Port of Mailpit's HTTP API and web UI.</summary>
    public int ApiPort { get; private set; }

    /// <summary>Docker's id of the server's container.</summary>
    public string ContainerId => Container.Id;

    private FixtureContainer Container => _container ?? throw new InvalidOperationException("InitializeAsync has not run.");

    private MailpitApi Api => new(_api ?? throw new InvalidOperationException("InitializeAsync has not run."));

    public async ValueTask InitializeAsync()
    {
        _container = await FixtureContainer.StartAsync([SmtpPort, HttpPort], Build, IsReadyAsync, StartupTimeout, TestContext.Current.CancellationToken);
        Port = _container.Ports[SmtpPort];
        ApiPort = _container.Ports[HttpPort];
        _api = MailpitApi.CreateClient(ApiBase(ApiPort));
    }

    /// <summary>
    /// While <paramref name="refuse"/> is true the server answers RCPT with 451 (a temporary failure, which
    /// System.Net.Mail reports as an SmtpException); false accepts mail again.
    /// </summary>
    public Task RefuseAsync(bool refuse, CancellationToken cancellationToken = default) =>
        Api.SetRecipientRefusalAsync(refuse, cancellationToken);

    /// <summary>Every message accepted so far, oldest first (across restarts).</summary>
    public Task<IReadOnlyList<ReceivedEmail>> MessagesAsync(CancellationToken cancellationToken = default) =>
        Api.MessagesAsync(cancellationToken);

    /// <summary>Starts the server again after <see cref="StopAsync"/> or <see cref="KillAsync"/>, on the same port, keeping received messages.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => Container.StartAsync(cancellationToken);

    /// <summary>Stops the server so connections are refused, to simulate a full outage.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => Container.StopAsync(cancellationToken);

    /// <summary>Kills the server with SIGKILL. Messages it acknowledged are already in its database.</summary>
    public Task KillAsync(CancellationToken cancellationToken = default) => Container.KillAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _api?.Dispose();
        if (_container is not null)
            await _container.DisposeAsync();
    }

    private static Uri ApiBase(int port) => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");

    private static DotNet.Testcontainers.Containers.IContainer Build(HostPorts ports) =>
        new ContainerBuilder(ContainerImages.Current.Mailpit)
            .WithEnvironment("MP_ENABLE_CHAOS", "true")
            // A database file of its own (instead of a temporary one deleted on exit) keeps messages across a restart.
            .WithEnvironment("MP_DATABASE", DatabaseDirectory + "/mailpit.db")
            // Mailpit drops the oldest messages beyond 500 by default; a long test run sends more.
            .WithEnvironment("MP_MAX_MESSAGES", "0")
            // Creates the directory the database goes in, whichever image runs.
            .WithResourceMapping(Array.Empty<byte>(), DatabaseDirectory + "/.keep")
            .WithFixtureDefaults("mailpit", ports)
            .Build();

    // Ready as the tests see it: the API answers on its published port and the SMTP port greets.
    // (A wait strategy of Testcontainers would probe the host Testcontainers resolves, not 127.0.0.1.)
    private static async Task<bool> IsReadyAsync(HostPorts ports, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = ApiBase(ports[HttpPort]), Timeout = TimeSpan.FromSeconds(2) };
        if (!(await http.GetAsync(new Uri("readyz", UriKind.Relative), cancellationToken)).IsSuccessStatusCode)
            return false;
        using var greeting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        greeting.CancelAfter(TimeSpan.FromSeconds(2));
        using var smtp = new TcpClient();
        await smtp.ConnectAsync(System.Net.IPAddress.Loopback, ports[SmtpPort], greeting.Token);
        using var reader = new StreamReader(smtp.GetStream());
        return (await reader.ReadLineAsync(greeting.Token))?.StartsWith("220", StringComparison.Ordinal) == true;
    }
}
