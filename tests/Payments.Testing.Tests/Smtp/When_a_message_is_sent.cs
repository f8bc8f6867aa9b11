using Payments.Testing.Smtp;

namespace Payments.Testing.Tests.Smtp;

[Collection(MailCollection.Name)]
public sealed class When_a_message_is_sent(SmtpFixture server)
{
    [Fact]
    public async Task Should_store_its_envelope_headers_and_body()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        var messageId = await Mail.SendAsync(server, "Payment ✓ received", cancellationToken);

        var received = await Mail.ReceivedAsync(server, messageId, cancellationToken);
        received.From.ShouldBe("payments@payments.test");
        received.To.ShouldBe(["customer@example.test", "audit@payments.test"], ignoreOrder: true);
        received.Subject.ShouldBe("Payment ✓ received");
        received.Body.ShouldContain("Your payment of 10.00 EUR was received.");
        received.Headers["to"].ShouldContain("customer@example.test");
        received.Headers.ContainsKey("bcc").ShouldBeFalse();
        received.Raw.ShouldContain($"Message-ID: {messageId}");
    }
}
