using System.Net;
using System.Net.Sockets;

namespace Payments.Notifications.Tests.Infrastructure;

/// <summary>
/// A mail server that accepts connections and never says a word (no greeting, no reply), until <see cref="Answer"/>
/// turns it into a plain TCP relay to a working server: connections accepted from then on are forwarded there.
/// Connections accepted while silent stay silent until the client gives up.
/// </summary>
public sealed class SilentSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _held = [];
    private readonly Task _accepting;
    private volatile string? _forwardHost;
    private int _forwardPort;
    private int _silentConnections;

    public SilentSmtpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections accepted and left unanswered so far.</summary>
    public int SilentConnections => Volatile.Read(ref _silentConnections);

    public void Answer(string host, int port)
    {
        _forwardPort = port;
        _forwardHost = host;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        lock (_held)
        {
            _held.ForEach(c => c.Dispose());
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            lock (_held)
            {
                _held.Add(client);
            }

            if (_forwardHost is { } host)
            {
                _ = RelayAsync(client, host, _forwardPort);
            }
            else
            {
                Interlocked.Increment(ref _silentConnections);
            }
        }
    }

    private async Task RelayAsync(TcpClient client, string host, int port)
    {
        using var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(host, port, _stop.Token);
            var down = client.GetStream();
            var up = upstream.GetStream();
            await Task.WhenAny(down.CopyToAsync(up, _stop.Token), up.CopyToAsync(down, _stop.Token));
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            // either side closed
        }
        finally
        {
            client.Dispose();
        }
    }
}
