using System.Net;
using System.Net.Mail;

namespace Payments.Notifications.Sending;

// System.Net.Mail, not MailKit: MailKit cost measurably more CPU per email (docs/decisions/0002-smtp-client.md).
/// <summary>One SMTP connection's worth of sending. SmtpClient is not thread-safe: each mailer thread owns one.</summary>
internal sealed class SmtpMailer(SmtpOptions options, TimeProvider time) : IDisposable
{
    private readonly MailAddress _from = options.FromAddress;
    private SmtpClient? _client;
    private DateTimeOffset _lastUsed;

    /// <summary>Returns once the server accepted the message (250 after DATA); throws otherwise, after at most Smtp:Timeout.</summary>
    /// <remarks>
    /// Synchronous on purpose, on a thread of its own (see <see cref="NotificationSender"/>): SmtpClient's async path
    /// reads the reply to the end of data synchronously anyway, and a dedicated thread keeps the connection's pace
    /// independent of how busy the thread pool is with consuming events. Not cancellable: a send cut off mid-dialogue
    /// is a send we cannot account for.
    /// </remarks>
    public void Send(PendingNotification notification)
    {
        using var message = MailMessages.Create(notification, _from);
        var client = Client();
        try
        {
            client.Send(message);
        }
        catch
        {
            // The dialogue may have stopped anywhere: start the next send on a fresh connection.
            Close();
            throw;
        }
        finally
        {
            _lastUsed = time.GetUtcNow();
        }

        SmtpSocketTuning.DisableNagle(client);
    }

    public void Dispose() => Close();

    private SmtpClient Client()
    {
        if (_client is not null && time.GetUtcNow() - _lastUsed > options.IdleTimeout)
        {
            Close();
        }

        return _client ??= new SmtpClient(options.Host, options.Port)
        {
            EnableSsl = options.UseTls,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)options.Timeout.TotalMilliseconds,
            Credentials = options.Username is { Length: > 0 } user ? new NetworkCredential(user, options.Password) : null,
        };
    }

    private void Close()
    {
        _client?.Dispose(); // says QUIT on a live connection
        _client = null;
    }
}
