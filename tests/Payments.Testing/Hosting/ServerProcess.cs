using System.Diagnostics;

namespace Payments.Testing.Hosting;

/// <summary>
/// A long-running server process started in a session of its own, with its output in a log file inside the
/// fixture directory. Its process group is tracked in that directory so the reaper can stop it.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private const string Launcher = "log=$1; shift; exec /usr/bin/setsid \"$@\" </dev/null >\"$log\" 2>&1";

    // Where there is no setsid (macOS): the server stays in the test host's process group; KillAsync still ends its
    // whole process tree, and no reaper runs that would need its group id (HostFeatures.CanGuard).
    private const string PlainLauncher = "log=$1; shift; exec \"$@\" </dev/null >\"$log\" 2>&1";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly Process _process;
    private readonly FixtureDirectory _directory;
    private readonly string _name;
    private readonly string _logPath;

    private ServerProcess(Process process, FixtureDirectory directory, string name, string logPath)
    {
        _process = process;
        _directory = directory;
        _name = name;
        _logPath = logPath;
    }

    public bool HasExited => _process.HasExited;

    public int Pid => _process.Id;

    /// <summary>Valid once <see cref="HasExited"/>.</summary>
    public int ExitCode => _process.ExitCode;

    public static ServerProcess Start(
        FixtureDirectory directory,
        string name,
        string program,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var logPath = Path.Combine(directory.Path, name + ".log");
        // setsid makes the server a session and process group leader (its pid stays the one we started), so
        // the group id is known up front. Output goes to a file, not to pipes: a pipe would tie the server's
        // lifetime to ours and keep test runners waiting for it to close.
        var startInfo = new ProcessStartInfo("/bin/sh", ["-c", HostFeatures.HasSetsid ? Launcher : PlainLauncher, "sh", logPath, program, .. arguments])
        {
            UseShellExecute = false,
            WorkingDirectory = directory.Path,
        };
        foreach (var (variable, value) in environment ?? new Dictionary<string, string>())
            startInfo.Environment[variable] = value;

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {program}.");
        directory.Track(name, process.Id);
        return new ServerProcess(process, directory, name, logPath);
    }

    public string ReadLog() => File.Exists(_logPath) ? File.ReadAllText(_logPath) : "";

    /// <summary>Polls <paramref name="isReady"/> until it holds; fails fast with the log if the server exits.</summary>
    public async Task WaitUntilReadyAsync(Func<CancellationToken, Task<bool>> isReady, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!await isReady(cancellationToken))
        {
            if (_process.HasExited)
                throw new FixtureServerException($"{_name} exited with code {_process.ExitCode} while starting.", ReadLog());
            if (clock.Elapsed > timeout)
                throw new FixtureServerException($"{_name} was not ready within {timeout.TotalSeconds:0} s.", ReadLog());
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>Waits for a server that was asked to stop; false if it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Kills whatever is left of the server and its children, then stops tracking it.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _directory.Untrack(_name);
    }

    public void Dispose() => _process.Dispose();
}
