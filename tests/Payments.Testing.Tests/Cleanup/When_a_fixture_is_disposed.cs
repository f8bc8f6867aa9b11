using System.Net;
using System.Net.Sockets;
using Payments.Testing.Smtp;

namespace Payments.Testing.Tests.Cleanup;

public sealed class When_a_fixture_is_disposed
{
    [Fact]
    public async Task Should_remove_its_container_and_free_its_port()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var fixture = new SmtpFixture();
        await fixture.InitializeAsync();
        var id = fixture.ContainerId;

        await fixture.DisposeAsync();

        (await Docker.IsGoneAsync(id, cancellationToken)).ShouldBeTrue();
        using var client = new TcpClient();
        await Should.ThrowAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, fixture.Port, cancellationToken).AsTask());
    }
}
