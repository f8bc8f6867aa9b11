using System.Net;
using System.Net.Sockets;

namespace Payments.Testing;

/// <summary>
/// Hands out TCP ports that were free a moment ago. The OS picks them (bind to port 0), and each port is
/// handed out at most once per process so fixtures starting side by side never get the same one. Another
/// process can still take a port before the server binds it: fixtures retry their startup on new ports.
/// </summary>
public static class FreePorts
{
    private const int Attempts = 100;

    private static readonly HashSet<int> HandedOut = [];
    private static readonly Lock Gate = new();

    public static int Next()
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                var port = AskTheOperatingSystem();
                if (HandedOut.Add(port))
                    return port;
            }
        }

        throw new InvalidOperationException($"No unused free TCP port found in {Attempts} attempts.");
    }

    private static int AskTheOperatingSystem()
    {
        // Binding all interfaces also proves the port is free on loopback, where the servers listen.
        var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
