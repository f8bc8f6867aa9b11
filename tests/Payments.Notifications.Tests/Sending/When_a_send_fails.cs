using System.Net.Sockets;
using MailKit.Net.Smtp;
using MimeKit;
using Payments.Notifications.Sending;

namespace Payments.Notifications.Tests.Sending;

/// <summary>What is stored and logged about a failure: the reason without any address, and whether retrying can help.</summary>
public sealed class When_a_send_fails
{
    private static readonly MailboxAddress Jane = new("Jane", "jane.doe@example.com");

    [Theory]
    [InlineData(SmtpStatusCode.MailboxUnavailable)]
    [InlineData(SmtpStatusCode.UserNotLocalTryAlternatePath)]
    [InlineData(SmtpStatusCode.MailboxNameNotAllowed)]
    public void Should_park_at_once_when_the_mailbox_itself_is_refused_and_blank_out_its_address(SmtpStatusCode code)
    {
        var refusal = new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, code, Jane,
            "5.1.1 <jane.doe@example.com>: Recipient address rejected: User unknown");

        var failure = SendFailure.From(refusal);

        failure.Reason.ShouldNotContain("jane.doe");
        failure.Reason.ShouldNotContain("example.com");
        failure.Reason.ShouldContain(((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture));
        failure.Permanent.ShouldBeTrue();
    }

    [Theory]
    [InlineData(SmtpStatusCode.MailboxBusy)]
    [InlineData(SmtpStatusCode.ErrorInProcessing)]
    [InlineData(SmtpStatusCode.InsufficientStorage)]
    [InlineData(SmtpStatusCode.ServiceNotAvailable)]
    public void Should_retry_a_temporary_refusal_of_the_recipient(SmtpStatusCode code) =>
        SendFailure.From(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, code, Jane, "try later")).Permanent.ShouldBeFalse();

    [Theory]
    [InlineData(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.MailboxUnavailable)]
    [InlineData(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.TransactionFailed)]
    [InlineData(SmtpErrorCode.UnexpectedStatusCode, SmtpStatusCode.AuthenticationRequired)]
    public void Should_retry_a_refusal_that_is_not_about_the_mailbox(SmtpErrorCode error, SmtpStatusCode code)
    {
        var failure = SendFailure.From(new SmtpCommandException(error, code, "refused"));

        failure.Permanent.ShouldBeFalse();
        failure.Reason.ShouldContain(((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Should_park_at_once_when_the_recipient_is_not_an_address() =>
        SendFailure.From(Should.Throw<FormatException>(() => MailboxAddress.Parse("not an address"))).Permanent.ShouldBeTrue();

    [Fact]
    public void Should_retry_when_the_server_cannot_be_reached_and_say_why()
    {
        var failure = SendFailure.From(new SocketException((int)SocketError.ConnectionRefused));

        failure.Permanent.ShouldBeFalse();
        failure.Reason.ShouldContain("SocketException");
        failure.Reason.ShouldContain("Connection refused");
    }

    [Fact]
    public void Should_cap_the_reason_s_length() =>
        SendFailure.Redact(new string('x', 5000)).Length.ShouldBe(500);
}
