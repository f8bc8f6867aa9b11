using Payments.Testing.Hosting;

namespace Payments.Testing.Tests.Ports;

public sealed class When_a_port_is_taken_at_startup
{
    // Verbatim from the logs of each server started on a port that was already taken.
    [Theory]
    [InlineData("FATAL:  could not bind IPv4 address \"127.0.0.1\": Address already in use")]
    [InlineData("OSError: [Errno 98] error while attempting to bind on address ('127.0.0.1', 40807): address already in use")]
    [InlineData("{listen_error,{acceptor,{127,0,0,1},45111},eaddrinuse}")]
    [InlineData("{failed_to_start_child,prelaunch,{dist_port_already_used,45112,not_erlang,\"localhost\"}}")]
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
            throw new FixtureServerException("server exited", "FATAL:  data directory has wrong ownership");
        }));

        attempts.ShouldBe(1);
    }
}
