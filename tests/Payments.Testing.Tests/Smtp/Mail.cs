using System.Net.Mail;
using Payments.Testing.Smtp;

namespace Payments.Testing.Tests.Smtp;

internal static class Mail
{
    /// <summary>Sends one message with a unique Message-ID (returned) so tests sharing a server find their own.</summary>
    public static async Task<string> SendAsync(SmtpFixture server, string subject, CancellationToken cancellationToken)
    {
        var messageId = $"<{Guid.NewGuid():N}@payments.test>";
        using var client = new SmtpClient(server.Host, server.Port);
        using var message = new MailMessage("payments@payments.test", "customer@example.test", subject, "Your payment of 10.00 EUR was received.");
        message.Bcc.Add("audit@payments.test");
        message.Headers.Add("Message-ID", messageId);
        await client.SendMailAsync(message, cancellationToken);
        return messageId;
    }

    public static async Task<ReceivedEmail> ReceivedAsync(SmtpFixture server, string messageId, CancellationToken cancellationToken)
    {
        var messages = await Eventually.ValueAsync(
            () => server.MessagesAsync(cancellationToken),
            all => all.Any(message => message.MessageId == messageId),
            because: $"message {messageId} to be stored",
            cancellationToken: cancellationToken);
        return messages.Single(message => message.MessageId == messageId);
    }
}
