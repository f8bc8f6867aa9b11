using System.Globalization;
using System.Text.Json;
using Payments.Testing.Hosting;
using Xunit;

namespace Payments.Testing.Smtp;

/// <summary>
/// A real SMTP server on loopback (aiosmtpd) that stores every message it accepts, can refuse mail with a
/// temporary failure on demand, and can be stopped and started to simulate an outage. Use it as a
/// collection or assembly fixture.
/// </summary>
public sealed class SmtpFixture : IAsyncLifetime
{
    // Debian's interpreter: the python3 first on PATH may be another one, without Debian's python3-aiosmtpd.
    private const string Python = "/usr/bin/python3";
    private const string ServerName = "smtp";

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);

    private FixtureDirectory? _directory;
    private ServerProcess? _server;

    public string Host => "127.0.0.1";

    public int Port { get; private set; }

    internal string DirectoryPath => (_directory ?? throw new InvalidOperationException("InitializeAsync has not run.")).Path;

    private string MailDirectory => Path.Combine(DirectoryPath, "mail");

    private string RefuseFlag => Path.Combine(DirectoryPath, "refuse");

    private string ReadyFile => Path.Combine(DirectoryPath, "ready");

    private string Script => Path.Combine(DirectoryPath, "smtp_sink.py");

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _directory = await FixtureDirectory.CreateAsync("smtp", cancellationToken);
        await File.WriteAllTextAsync(Script, EmbeddedText.Read("smtp_sink.py"), cancellationToken);
        Directory.CreateDirectory(MailDirectory);
        await StartupRetry.OnPortConflictAsync(async () =>
        {
            Port = FreePorts.Next();
            await LaunchAsync(cancellationToken);
        });
    }

    /// <summary>
    /// While <paramref name="refuse"/> is true the server answers RCPT and DATA with 451 (a temporary failure,
    /// which System.Net.Mail reports as an SmtpException); false accepts mail again.
    /// </summary>
    public Task RefuseAsync(bool refuse, CancellationToken cancellationToken = default)
    {
        // The server checks this flag file on every command, so the switch takes effect at once.
        if (refuse)
            return File.WriteAllTextAsync(RefuseFlag, "", cancellationToken);
        File.Delete(RefuseFlag);
        return Task.CompletedTask;
    }

    /// <summary>Every message accepted so far, oldest first (across restarts).</summary>
    public async Task<IReadOnlyList<ReceivedEmail>> MessagesAsync(CancellationToken cancellationToken = default)
    {
        var messages = new List<ReceivedEmail>();
        foreach (var json in Directory.EnumerateFiles(MailDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            await using var stream = File.OpenRead(json);
            var message = await JsonSerializer.DeserializeAsync<ReceivedEmail>(stream, JsonSerializerOptions.Web, cancellationToken)
                ?? throw new InvalidDataException($"{json} holds no message.");
            var raw = await File.ReadAllTextAsync(Path.ChangeExtension(json, ".eml"), cancellationToken);
            messages.Add(message with { Raw = raw });
        }

        return messages;
    }

    /// <summary>Starts the server again after <see cref="StopAsync"/>, on the same port, keeping received messages.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) =>
        _server is null ? LaunchAsync(cancellationToken) : throw new InvalidOperationException("The SMTP server is already running.");

    /// <summary>Stops the server so connections are refused, to simulate a full outage.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        using var server = _server ?? throw new InvalidOperationException("The SMTP server is not running.");
        _server = null;
        // Killing loses nothing: messages are on disk as soon as they are acknowledged.
        await server.KillAsync().WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.KillAsync();
            _server.Dispose();
            _server = null;
        }

        _directory?.Dispose();
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        File.Delete(ReadyFile);
        var server = ServerProcess.Start(
            _directory!,
            ServerName,
            Python,
            // -I: ignore PYTHON* variables and the user's site-packages, which could shadow Debian's modules.
            ["-I", Script, "--host", Host, "--port", Port.ToString(CultureInfo.InvariantCulture), "--directory", MailDirectory, "--refuse-flag", RefuseFlag, "--ready-file", ReadyFile]);
        try
        {
            await server.WaitUntilReadyAsync(_ => Task.FromResult(File.Exists(ReadyFile)), StartupTimeout, cancellationToken);
        }
        catch
        {
            await server.KillAsync();
            server.Dispose();
            throw;
        }

        _server = server;
    }
}
