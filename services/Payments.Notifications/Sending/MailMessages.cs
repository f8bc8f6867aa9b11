using MimeKit;
using MimeKit.Text;

namespace Payments.Notifications.Sending;

internal static class MailMessages
{
    /// <summary>multipart/alternative: the plain text first, the HTML last (the one clients prefer, RFC 2046 §5.1.4).</summary>
    /// <exception cref="ParseException">The recipient is not an email address (a <see cref="FormatException"/>: parked at once).</exception>
    public static MimeMessage Create(PendingNotification notification, MailboxAddress from, DateTimeOffset now)
    {
        var message = new MimeMessage
        {
            Subject = notification.Subject,
            Date = now,
            // Without the angle brackets: MimeKit adds them. Every attempt of a notification carries the same one.
            MessageId = notification.MessageId.Trim('<', '>'),
            Body = new MultipartAlternative { Part(TextFormat.Plain, notification.TextBody), Part(TextFormat.Html, notification.HtmlBody) },
        };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(notification.Recipient));
        return message;
    }

    // Quoted-printable whatever the server offers (MailKit would send 8bit to a server with 8BITMIME): the text stays
    // readable in the raw source, and lines stay short.
    private static TextPart Part(TextFormat format, string text)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText("utf-8", text);
        return part;
    }
}
