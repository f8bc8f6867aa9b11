using System.Diagnostics;
using System.Globalization;
using Payments.Testing.Hosting;

namespace Payments.Testing.Tests.Cleanup.ServiceProcesses;

public sealed class When_a_previous_run_was_killed
{
    [Fact]
    public async Task Should_sweep_the_servers_and_directory_it_left_behind()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        // What a run leaves when its reaper died too: a directory named after an owner that no longer runs,
        // still recording a live service process's group.
        using var deadOwner = Process.Start("true");
        await deadOwner.WaitForExitAsync(cancellationToken);
        var directory = Path.Combine(FixtureDirectory.Root, $"{deadOwner.Id.ToString(CultureInfo.InvariantCulture)}-stale-{Guid.NewGuid():N}");
        // Other test processes sweep the same root when their fixtures start: the directory appears only whole (built
        // under a name no sweep takes, then renamed), or one of them could delete it before the server's record is in
        // it and leave the server running (seen once in CI). Whichever sweep takes it must stop the server.
        var staging = Path.Combine(FixtureDirectory.Root, $"staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        // In a group of its own, like a service process; bounded, in case the sweep fails to stop it.
        using var orphan = Process.Start("/usr/bin/setsid", ["sleep", "120"]);
        await File.WriteAllTextAsync(Path.Combine(staging, "server.pgid"), $"{orphan.Id.ToString(CultureInfo.InvariantCulture)}\n", cancellationToken);
        Directory.Move(staging, directory);

        await Reaper.SweepAsync(FixtureDirectory.Root, cancellationToken);

        Directory.Exists(directory).ShouldBeFalse();
        await Eventually.TrueAsync(() => orphan.HasExited, because: "the sweep to stop the orphaned server", cancellationToken: cancellationToken);
    }
}
