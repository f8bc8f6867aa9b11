using System.Diagnostics;
using System.Globalization;
using Payments.Testing.Hosting;

namespace Payments.Testing.Tests.Cleanup.ServiceProcesses;

public sealed class When_the_test_host_dies
{
    [Fact]
    public async Task Should_stop_the_guarded_servers_with_their_children_and_delete_the_directory()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        // Stand-in for the test host, killed below with SIGKILL like an aborted test run. Should the test fail
        // before that, it still ends on its own and the reaper cleans up after it.
        using var owner = Process.Start("sleep", "120");
        var directory = await FixtureDirectory.CreateAsync("reaper-test", owner.Id, cancellationToken);
        var childPidFile = Path.Combine(directory.Path, "child.pid");
        // A server with a child, like a launcher shell and the process it starts. The shell dies on TERM but
        // its child does not, so only a kill of the whole process group gets both.
        using var server = ServerProcess.Start(directory, "dummy", "/bin/sh", ["-c", $"sleep 1000 & echo $! > {childPidFile}.part && mv {childPidFile}.part {childPidFile}; wait"]);
        await Eventually.TrueAsync(() => File.Exists(childPidFile), because: "the dummy server to start its child", cancellationToken: cancellationToken);
        var child = int.Parse(File.ReadAllText(childPidFile), CultureInfo.InvariantCulture);

        owner.Kill();

        await Eventually.TrueAsync(
            () => server.HasExited && ProcessTable.IsGone(child) && !Directory.Exists(directory.Path),
            TimeSpan.FromSeconds(20),
            "the reaper to kill the server and its child and delete the directory",
            cancellationToken);
    }
}
