using System.Diagnostics;
using Payments.Testing.Containers;

namespace Payments.Testing.Tests.Cleanup;

public sealed class When_a_previous_run_was_killed
{
    [Fact]
    public async Task Should_sweep_the_containers_it_left_behind_and_keep_those_of_live_hosts()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        // What a run leaves when its reaper died too: containers labelled with an owner that no longer runs.
        using var deadHost = new StandInOwner();
        var deadOwner = deadHost.Owner;
        deadHost.Kill();
        using var liveHost = new StandInOwner();
        await using var left = await Docker.StartOwnedByAsync(deadOwner, cancellationToken);
        await using var live = await Docker.StartOwnedByAsync(liveHost.Owner, cancellationToken);
        // The same pid, now another process (another start time): its containers are still the dead run's.
        await using var reused = await Docker.StartOwnedByAsync(liveHost.Owner with { StartTicks = liveHost.Owner.StartTicks - 1 }, cancellationToken);

        await ContainerReaper.SweepAsync(cancellationToken);

        (await Docker.IsGoneAsync(left.Id, cancellationToken)).ShouldBeTrue();
        (await Docker.IsGoneAsync(reused.Id, cancellationToken)).ShouldBeTrue();
        (await Docker.IsGoneAsync(live.Id, cancellationToken)).ShouldBeFalse();
    }
}
