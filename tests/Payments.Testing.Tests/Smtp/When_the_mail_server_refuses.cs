using System.Net.Mail;
using Payments.Testing.Smtp;

namespace Payments.Testing.Tests.Smtp;

[Collection(MailCollection.Name)]
public sealed class When_the_mail_server_refuses(SmtpFixture server)
{
    [Fact]
    public async Task Should_fail_with_a_temporary_error_then_accept_mail_again()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var before = (await server.MessagesAsync(cancellationToken)).Count;

        await server.RefuseAsync(true, cancellationToken);
        var refused = await Should.ThrowAsync<SmtpException>(() => Mail.SendAsync(server, "refused", cancellationToken));
        await server.RefuseAsync(false, cancellationToken);

        refused.StatusCode.ShouldBe(SmtpStatusCode.LocalErrorInProcessing);
        (await server.MessagesAsync(cancellationToken)).Count.ShouldBe(before);
        var messageId = await Mail.SendAsync(server, "accepted again", cancellationToken);
        (await Mail.ReceivedAsync(server, messageId, cancellationToken)).Subject.ShouldBe("accepted again");
    }
}
