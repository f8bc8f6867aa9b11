using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Payments.Notifications.Sending;

/// <summary>
/// Why a send failed, in words safe to log and store: SMTP replies often quote the address they refuse
/// ("550 5.1.1 &lt;someone@example.com&gt;: unknown user"), so anything shaped like an address is blanked out.
/// </summary>
internal sealed partial record SendFailure(string Reason, bool Permanent)
{
    private const int MaxReasonLength = 500;

    public static SendFailure From(Exception exception)
    {
        var (reason, permanent) = exception switch
        {
            SmtpFailedRecipientException recipient => ($"SMTP {(int)recipient.StatusCode} ({recipient.StatusCode}) for the recipient: {recipient.Message}",
                IsPermanentRecipientRefusal(recipient.StatusCode)),
            SmtpException smtp => ($"SMTP {(int)smtp.StatusCode} ({smtp.StatusCode}): {smtp.Message}{Inner(smtp)}", false),
            FormatException => ("The recipient is not a valid email address.", true),
            _ => ($"{exception.GetType().Name}: {exception.Message}{Inner(exception)}", false),
        };
        return new SendFailure(Redact(reason), permanent);
    }

    public static string Redact(string text)
    {
        var redacted = AddressLike().Replace(text, "[address]");
        return redacted.Length <= MaxReasonLength ? redacted : redacted[..MaxReasonLength];
    }

    // 5.1.x-style refusals of this mailbox (RFC 5321 §4.2.2): another attempt gets the same answer. A 5xx for other
    // reasons (authentication, policy) is usually the server's configuration and is retried until the budget runs out.
    private static bool IsPermanentRecipientRefusal(SmtpStatusCode code) => code is
        SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.UserNotLocalTryAlternatePath or SmtpStatusCode.MailboxNameNotAllowed;

    private static string Inner(Exception exception) => exception.InnerException is { } inner ? $" ({inner.GetType().Name}: {inner.Message})" : "";

    [GeneratedRegex(@"\S+@\S+")]
    private static partial Regex AddressLike();
}
