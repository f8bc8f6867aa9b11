using System.Net.Mail;
using Payments.Testing.Smtp;

namespace Payments.Testing.Tests.Smtp;

[Collection(MailCollection.Name)]
public sealed class When_the_mail_server_restarts(SmtpFixture server)
{
    [Fact]
    public async Task Should_refuse_connections_while_down_and_keep_earlier_messages()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var earlier = await Mail.SendAsync(server, "before the outage", cancellationToken);
        await Mail.ReceivedAsync(server, earlier, cancellationToken);
        var port = server.Port;

        await server.StopAsync(cancellationToken);
        await Should.ThrowAsync<SmtpException>(() => Mail.SendAsync(server, "during the outage", cancellationToken));
        await server.StartAsync(cancellationToken);

        server.Port.ShouldBe(port);
        var later = await Mail.SendAsync(server, "after the outage", cancellationToken);
        await Mail.ReceivedAsync(server, later, cancellationToken);
        (await server.MessagesAsync(cancellationToken)).ShouldContain(message => message.MessageId == earlier);
    }
}
