using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace Payments.Notifications.Sending;

internal static class MailMessages
{
    /// <summary>multipart/alternative: the plain text first, the HTML last (the one clients prefer, RFC 2046 §5.1.4).</summary>
    public static MailMessage Create(PendingNotification notification, MailAddress from)
    {
        var message = new MailMessage(from, new MailAddress(notification.Recipient))
        {
            Subject = notification.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = notification.TextBody,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.QuotedPrintable,
        };
        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(notification.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html));
        // System.Net.Mail writes a Message-ID given as a header as is (the tests read it back from a real SMTP server).
        message.Headers.Add("Message-ID", notification.MessageId);
        return message;
    }
}
