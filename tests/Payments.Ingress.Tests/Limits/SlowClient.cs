using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Payments.Ingress.Tests.Limits;

/// <summary>A raw TCP client that writes a request at a chosen pace and reports when the server cut the connection.</summary>
internal static class SlowClient
{
    /// <summary>
    /// Sends <paramref name="prefix"/> at once, then <paramref name="trickle"/> one byte at a time at
    /// <paramref name="bytesPerSecond"/>, reading (and discarding) whatever the server answers. Returns how long after
    /// the prefix the server closed the connection, or null if it was still open after <paramref name="bound"/>.
    /// </summary>
    public static async Task<TimeSpan?> TimeUntilCutAsync(Uri server, string prefix, byte[] trickle, double bytesPerSecond, TimeSpan bound, CancellationToken cancellationToken)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(prefix), cancellationToken);
        var started = Stopwatch.GetTimestamp();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(bound);
        var closed = ReadUntilClosedAsync(stream, stop.Token);
        var writing = TrickleAsync(stream, trickle, bytesPerSecond, stop.Token);
        var cut = await closed;
        var elapsed = Stopwatch.GetElapsedTime(started);
        await stop.CancelAsync();
        await writing;
        return cut ? elapsed : null;
    }

    /// <summary>
    /// Sends <paramref name="prefix"/> at once, then trickles <paramref name="trickle"/> at <paramref name="bytesPerSecond"/>
    /// while reading the answer; returns the answer's status line and headers, and how long after the prefix they arrived.
    /// </summary>
    public static async Task<(string Head, TimeSpan Elapsed)> AnswerWhileTricklingAsync(
        Uri server, string prefix, byte[] trickle, double bytesPerSecond, CancellationToken cancellationToken)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(prefix), cancellationToken);
        var started = Stopwatch.GetTimestamp();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writing = TrickleAsync(stream, trickle, bytesPerSecond, stop.Token);
        var head = new StringBuilder();
        var buffer = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        await stop.CancelAsync();
        await writing;
        return (head.ToString(), elapsed);
    }

    private static async Task<bool> ReadUntilClosedAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        try
        {
            while (await stream.ReadAsync(buffer, cancellationToken) > 0)
            {
            }

            return true;
        }
        catch (IOException)
        {
            return true; // reset by the server
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task TrickleAsync(NetworkStream stream, byte[] bytes, double bytesPerSecond, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                await stream.WriteAsync(bytes.AsMemory(i, 1), cancellationToken);
                while (Stopwatch.GetElapsedTime(started).TotalSeconds * bytesPerSecond < i + 1)
                {
                    await Task.Delay(1, cancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // the server cut us off, or the bound passed
        }
    }
}
