using Payments.Notifications.Ledger;
using Payments.Notifications.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Smtp;

namespace Payments.Notifications.Tests.Delivery;

[Collection(NotificationsCollection.Name)]
public sealed class When_each_kind_of_order_event_arrives(Infrastructure.Infrastructure infrastructure) : NotificationsTest(infrastructure)
{
    [Fact]
    public async Task Should_thank_the_customer_once_for_a_paid_order()
    {
        var paid = SampleEvents.Paid(123456, "EUR");
        var email = await DeliveredAsync(await Scenario.PublishAsync(paid), paid.OrderId, NotificationKind.Paid, paid.CustomerEmail);

        email.Subject.ShouldBe("Thank you for your purchase!");
        ShouldSayInBothParts(email, "1,234.56 EUR", paid.OrderId.ToString(), paid.PaymentId);
    }

    [Fact]
    public async Task Should_tell_the_customer_once_that_a_payment_failed()
    {
        var failed = SampleEvents.PaymentFailed(4200, "JPY");
        var email = await DeliveredAsync(await Scenario.PublishAsync(failed), failed.OrderId, NotificationKind.PaymentFailed, failed.CustomerEmail);

        email.Subject.ShouldBe("Your payment did not go through");
        ShouldSayInBothParts(email, "4,200 JPY", failed.OrderId.ToString(), "not been charged");
    }

    [Fact]
    public async Task Should_tell_the_customer_once_about_a_refund()
    {
        var refunded = SampleEvents.Refunded(12500, 2750, "KWD");
        var email = await DeliveredAsync(await Scenario.PublishAsync(refunded), refunded.OrderId, NotificationKind.Refunded, refunded.CustomerEmail);

        email.Subject.ShouldBe("Your refund is on its way");
        ShouldSayInBothParts(email, "2.750 KWD", "12.500 KWD", refunded.OrderId.ToString());
    }

    [Fact]
    public async Task Should_alert_operations_once_when_an_order_needs_attention()
    {
        var attention = SampleEvents.NeedsAttention(4200, 4100, "EUR", "Amount <4100> does not match the order's 4200 & currency");
        var email = await DeliveredAsync(await Scenario.PublishAsync(attention), attention.OrderId, NotificationKind.NeedsAttention, Scenario.OperationsEmail);

        email.Subject.ShouldBe($"Order {attention.OrderId} needs attention");
        ShouldSayInBothParts(email, "41.00 EUR", "42.00 EUR");
        email.Body.ShouldContain(attention.Reason);
        MimeParts.Decoded(email.Raw, "text/html")!.ShouldContain("Amount &lt;4100&gt; does not match the order&#39;s 4200 &amp; currency");
    }

    private async Task<ReceivedEmail> DeliveredAsync(Guid messageId, Guid orderId, string kind, string recipient)
    {
        var ct = TestContext.Current.CancellationToken;
        var notification = await Scenario.NotificationAsync(orderId, n => n.State == NotificationState.Sent, "the notification to be sent");
        notification.Id.ShouldBe(NotificationIds.For(messageId, kind));
        notification.Kind.ShouldBe(kind);
        notification.Attempts.ShouldBe(1);
        notification.SentAt.ShouldNotBeNull();

        // Sent is committed after the server accepted the message, so every email there is to see is there now.
        var emails = await Scenario.EmailsToAsync(recipient);
        emails.Count.ShouldBe(1);
        var email = emails[0];
        email.To.ShouldBe([recipient]);
        email.From.ShouldBe("shop@payments.test");
        email.Headers["from"].ShouldBe(NotificationsScenario.From);
        email.MessageId.ShouldBe($"<{notification.Id}@payments.test>");
        notification.MessageId.ShouldBe(email.MessageId);
        email.Headers["content-type"].ShouldStartWith("multipart/alternative");
        (await Scenario.Smtp.MessagesAsync(ct)).Count(m => m.MessageId == email.MessageId).ShouldBe(1);
        return email;
    }

    private static void ShouldSayInBothParts(ReceivedEmail email, params string[] phrases)
    {
        var text = MimeParts.Decoded(email.Raw, "text/plain");
        var html = MimeParts.Decoded(email.Raw, "text/html");
        text.ShouldNotBeNull();
        html.ShouldNotBeNull();
        html.ShouldContain("<html>");
        foreach (var phrase in phrases)
        {
            email.Body.ShouldContain(phrase);
            text.ShouldContain(phrase);
            html.ShouldContain(phrase);
        }
    }
}
