using System.Net;
using System.Net.Sockets;
using Payments.Testing.Smtp;

namespace Payments.Testing.Tests.Cleanup;

public sealed class When_a_fixture_is_disposed
{
    [Fact]
    public async Task Should_stop_its_server_and_delete_its_directory()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var fixture = new SmtpFixture();
        await fixture.InitializeAsync();
        var directory = fixture.DirectoryPath;

        await fixture.DisposeAsync();

        Directory.Exists(directory).ShouldBeFalse();
        using var client = new TcpClient();
        await Should.ThrowAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, fixture.Port, cancellationToken).AsTask());
    }
}
