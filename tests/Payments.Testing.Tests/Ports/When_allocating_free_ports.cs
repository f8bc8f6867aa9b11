using System.Net;
using System.Net.Sockets;

namespace Payments.Testing.Tests.Ports;

public sealed class When_allocating_free_ports
{
    [Fact]
    public void Should_hand_out_distinct_ports_that_can_be_bound()
    {
        var ports = Enumerable.Range(0, 20).Select(_ => FreePorts.Next()).ToList();

        ports.ShouldBeUnique();
        foreach (var port in ports)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
        }
    }
}
