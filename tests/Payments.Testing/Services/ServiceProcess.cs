using System.Diagnostics;
using System.Globalization;
using Payments.Testing.Hosting;
using Payments.Testing.Security;

namespace Payments.Testing.Services;

/// <summary>
/// One of our services as a real process (`dotnet services/{name}/bin/{configuration}/net10.0/{name}.dll`), on a
/// free loopback port, configured through environment variables (ASP.NET Core's `Section__Key`). It can be killed
/// with SIGKILL, stopped gracefully and started again on the same port; a reaper stops it if the test host dies.
/// The test project must reference the service project (ReferenceOutputAssembly="false") so it is built. Every
/// process trusts <see cref="TestTokens"/>.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);
    private readonly string _name;
    private FixtureDirectory? _directory;
    private ServerProcess? _process;
    private int _starts;

    public ServiceProcess(string name, int? port = null)
    {
        _name = name;
        Port = port ?? FreePorts.Next();
        BaseUrl = $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";
        _environment["ASPNETCORE_URLS"] = BaseUrl;
        _environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        _environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in TestTokens.Settings)
        {
            With(key, value!);
        }
    }

    public int Port { get; }

    public string BaseUrl { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The running process's id (its /proc entry, for memory readings); null while it is not started.</summary>
    public int? Pid => _process?.Pid;

    /// <summary>A configuration value, as ASP.NET Core reads it (Section:Key becomes Section__Key).</summary>
    public ServiceProcess With(string key, string value)
    {
        _environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return this;
    }

    public async Task StartAsync(bool waitUntilReady = true, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        _directory ??= await FixtureDirectory.CreateAsync($"svc-{_name.ToLowerInvariant()}", cancellationToken);
        var dll = Locate(_name);
                // Its own directory as content root, so appsettings.json loads wherever the process is started from.
        _process = ServerProcess.Start(_directory, $"{_name}-{++_starts}", "/usr/bin/env", ["dotnet", dll, "--contentRoot", Path.GetDirectoryName(dll)!], _environment);
        if (waitUntilReady)
        {
            await WaitUntilReadyAsync(timeout ?? TimeSpan.FromSeconds(60), cancellationToken);
        }
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await _process!.WaitUntilReadyAsync(async ct =>
        {
            try
            {
                return (await http.GetAsync(new Uri(BaseUrl + "/health/ready"), ct)).IsSuccessStatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, timeout, cancellationToken);
    }

    /// <summary>For a start that is meant to fail: the exit code, or null if the process still runs after <paramref name="timeout"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _process is not null && await _process.WaitForExitAsync(timeout, cancellationToken) ? _process.ExitCode : null;

    /// <summary>kill -9: no shutdown hooks, no flushing, in-flight work abandoned mid-way.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            await _process.KillAsync();
            _process.Dispose();
            _process = null;
        }
    }

    /// <summary>SIGTERM and wait for the host's graceful shutdown.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            using var term = Process.Start("/bin/kill", ["-TERM", _process.Pid.ToString(CultureInfo.InvariantCulture)]);
            await term!.WaitForExitAsync(cancellationToken);
            if (!await _process.WaitForExitAsync(TimeSpan.FromSeconds(15), cancellationToken))
            {
                await _process.KillAsync();
            }
        }

        await _process.KillAsync(); // untracks it
        _process.Dispose();
        _process = null;
    }

    /// <summary>Everything the process wrote (all starts), for assertions and failure messages.</summary>
    public string ReadLog() => _directory is null ? "" : string.Join("\n",
        Directory.EnumerateFiles(_directory.Path, "*.log").Order(StringComparer.Ordinal).Select(File.ReadAllText));

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _directory?.Dispose();
    }

    /// <summary>The service's build output for the configuration the tests were built with.</summary>
    public static string Locate(string name)
    {
        var configuration = SourceTree.Configuration;
        var dll = SourceTree.PathOf("services", name, "bin", configuration, "net10.0", name + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{name} is not built for {configuration}; reference its project from the test project.", dll);
    }
}
