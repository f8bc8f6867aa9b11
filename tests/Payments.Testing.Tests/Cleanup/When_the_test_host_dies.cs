namespace Payments.Testing.Tests.Cleanup;

public sealed class When_the_test_host_dies
{
    [Fact]
    public async Task Should_remove_its_containers()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var host = new StandInOwner();
        var owner = host.Owner;
        await using var container = await Docker.StartOwnedByAsync(owner, cancellationToken);
        await Payments.Testing.Containers.ContainerReaper.GuardAsync(owner, cancellationToken);

        host.Kill();

        await Eventually.TrueAsync(
            () => Docker.IsGoneAsync(container.Id, cancellationToken),
            TimeSpan.FromSeconds(20),
            "the reaper to remove the dead host's container",
            cancellationToken);
    }

    [Fact]
    public async Task Should_leave_the_containers_of_a_live_host_alone()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var host = new StandInOwner();
        await using var container = await Docker.StartOwnedByAsync(host.Owner, cancellationToken);
        await Payments.Testing.Containers.ContainerReaper.GuardAsync(host.Owner, cancellationToken);

        // Longer than the reaper's one-second poll, several times over: there is no effect to wait for.
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);

        (await Docker.IsGoneAsync(container.Id, cancellationToken)).ShouldBeFalse();
    }
}
