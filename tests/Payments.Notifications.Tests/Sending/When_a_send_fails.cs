using System.Net.Mail;
using System.Net.Sockets;
using Payments.Notifications.Sending;

namespace Payments.Notifications.Tests.Sending;

/// <summary>What is stored and logged about a failure: the reason without any address, and whether retrying can help.</summary>
public sealed class When_a_send_fails
{
    [Fact]
    public void Should_blank_out_addresses_the_server_quoted()
    {
        var refusal = new SmtpFailedRecipientException(SmtpStatusCode.MailboxUnavailable, "jane.doe@example.com",
            "5.1.1 <jane.doe@example.com>: Recipient address rejected: User unknown");

        var failure = SendFailure.From(refusal);

        failure.Reason.ShouldNotContain("jane.doe");
        failure.Reason.ShouldNotContain("example.com");
        failure.Reason.ShouldContain("550");
        failure.Permanent.ShouldBeTrue();
    }

    [Theory]
    [InlineData(SmtpStatusCode.MailboxBusy)]
    [InlineData(SmtpStatusCode.LocalErrorInProcessing)]
    [InlineData(SmtpStatusCode.InsufficientStorage)]
    [InlineData(SmtpStatusCode.ServiceNotAvailable)]
    public void Should_retry_a_temporary_refusal(SmtpStatusCode code) =>
        SendFailure.From(new SmtpFailedRecipientException(code, "x@example.com", "try later")).Permanent.ShouldBeFalse();

    [Fact]
    public void Should_retry_when_the_server_cannot_be_reached_and_say_why()
    {
        var failure = SendFailure.From(new SmtpException("Failure sending mail.", new SocketException((int)SocketError.ConnectionRefused)));

        failure.Permanent.ShouldBeFalse();
        failure.Reason.ShouldContain("Failure sending mail.");
        failure.Reason.ShouldContain("SocketException");
    }

    [Fact]
    public void Should_cap_the_reason_s_length() =>
        SendFailure.Redact(new string('x', 5000)).Length.ShouldBe(500);
}
