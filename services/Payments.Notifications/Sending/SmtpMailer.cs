using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Payments.Notifications.Sending;

/// <summary>One SMTP connection's worth of sending. MailKit's SmtpClient is not thread-safe: each mailer thread owns one.</summary>
internal sealed class SmtpMailer(SmtpOptions options, TimeProvider time) : IDisposable
{
    private readonly MailboxAddress _from = options.FromMailbox;
    private readonly SmtpClient _client = new() { Timeout = (int)options.Timeout.TotalMilliseconds };
    private DateTimeOffset _lastUsed;

    /// <summary>Returns once the server accepted the message (250 after DATA); throws otherwise, after at most Smtp:Timeout.</summary>
    /// <remarks>
    /// Synchronous on purpose, on a thread of its own (see <see cref="NotificationSender"/>): a dedicated thread keeps
    /// the connection's pace independent of how busy the thread pool is with consuming events. Only Smtp:Timeout cancels
    /// a send, never shutdown: a send cut off mid-dialogue is a send we cannot account for.
    /// </remarks>
    public void Send(PendingNotification notification)
    {
        var message = MailMessages.Create(notification, _from, time.GetUtcNow());
        // SmtpClient.Timeout bounds each read and write; this bounds the whole send, connect to the final reply.
        using var timeout = new CancellationTokenSource(options.Timeout, time);
        try
        {
            Connect(timeout.Token);
            _client.Send(message, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Close(quit: false);
            throw new TimeoutException($"The SMTP server did not accept the message within Smtp:Timeout ({options.Timeout}).");
        }
        catch (Exception ex)
        {
            // The dialogue may have stopped anywhere: start the next send on a fresh connection. A server that answered
            // (a refusal) is told QUIT; one that stopped answering is not waited for.
            Close(quit: ex is SmtpCommandException);
            throw;
        }
        finally
        {
            _lastUsed = time.GetUtcNow();
        }
    }

    public void Dispose()
    {
        Close(quit: true);
        _client.Dispose();
    }

    private void Connect(CancellationToken cancellationToken)
    {
        if (_client.IsConnected && time.GetUtcNow() - _lastUsed > options.IdleTimeout)
        {
            Close(quit: true);
        }

        if (_client.IsConnected)
        {
            return;
        }

        _client.Connect(options.Host, options.Port, options.SecureSocket, cancellationToken);
        if (options.Username is { Length: > 0 } user)
        {
            _client.Authenticate(user, options.Password ?? "", cancellationToken);
        }
    }

    private void Close(bool quit)
    {
        if (!_client.IsConnected)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(options.Timeout, time);
            _client.Disconnect(quit, timeout.Token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or SmtpProtocolException or SmtpCommandException or System.Net.Sockets.SocketException)
        {
            // Saying goodbye failed: the connection is gone either way (Disconnect closes the socket).
        }
    }
}
