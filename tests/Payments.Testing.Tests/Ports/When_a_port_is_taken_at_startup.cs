using Payments.Testing.Containers;

namespace Payments.Testing.Tests.Ports;

public sealed class When_a_port_is_taken_at_startup
{
    // Verbatim from Docker, starting a container on a host port a process had taken, and one another container had.
    [Theory]
    [InlineData("driver failed programming external connectivity on endpoint payments-fixture-mailpit (bf1dd811db16): Error starting userland proxy: listen tcp4 127.0.0.1:60287: bind: address already in use")]
    [InlineData("driver failed programming external connectivity on endpoint payments-fixture-mailpit (bf1dd811db16): Bind for 127.0.0.1:60287 failed: port is already allocated")]
    public async Task Should_retry_on_new_ports(string log)
    {
        var attempts = 0;

        await StartupRetry.OnPortConflictAsync(() =>
            ++attempts == 1 ? throw new FixtureServerException("server exited", log) : Task.CompletedTask);

        attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Should_not_retry_other_failures()
    {
        var attempts = 0;

        await Should.ThrowAsync<FixtureServerException>(() => StartupRetry.OnPortConflictAsync(() =>
        {
            attempts++;
            throw new FixtureServerException("server exited", "No such image: payments-local/postgres:15");
        }));

        attempts.ShouldBe(1);
    }
}
