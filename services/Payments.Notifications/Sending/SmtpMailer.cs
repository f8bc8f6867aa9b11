using System.Net;
using System.Net.Mail;

namespace Payments.Notifications.Sending;

/// <summary>One SMTP connection's worth of sending. SmtpClient is not thread-safe: each sender worker owns one mailer.</summary>
internal sealed class SmtpMailer(SmtpOptions options, TimeProvider time) : IDisposable
{
    private readonly MailAddress _from = options.FromAddress;
    private SmtpClient? _client;
    private DateTimeOffset _lastUsed;

    /// <summary>Returns once the server accepted the message (250 after DATA); throws otherwise.</summary>
    /// <remarks>Not cancellable from outside on purpose: a send cut off mid-dialogue is a send we cannot account for.</remarks>
    public async Task SendAsync(PendingNotification notification)
    {
        using var message = MailMessages.Create(notification, _from);
        var client = Client();
        using var timeout = new CancellationTokenSource(options.Timeout);
        try
        {
            await client.SendMailAsync(message, timeout.Token);
        }
        catch (Exception ex)
        {
            // The dialogue may have stopped anywhere: start the next send on a fresh connection.
            Close();
            if (ex is OperationCanceledException && timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"The SMTP server did not complete the send within {options.Timeout}.", ex);
            }

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
            Credentials = options.Username is { Length: > 0 } user ? new NetworkCredential(user, options.Password) : null,
        };
    }

    private void Close()
    {
        _client?.Dispose(); // says QUIT on a live connection
        _client = null;
    }
}
