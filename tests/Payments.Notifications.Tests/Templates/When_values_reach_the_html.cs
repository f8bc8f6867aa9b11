using Payments.Contracts;
using Payments.Notifications.Templates;

namespace Payments.Notifications.Tests.Templates;

/// <summary>Values come from providers and customers: in HTML they are text, never markup.</summary>
public sealed class When_values_reach_the_html
{
    [Fact]
    public void Should_encode_them_and_keep_the_plain_text_verbatim()
    {
        var paid = new OrderPaid(Guid.NewGuid(), "pi_<script>alert(1)</script>", 4200, "EUR", "a@example.com", DateTimeOffset.UtcNow, Guid.NewGuid());

        var content = PaidEmail.Render(paid);

        content.Html.ShouldNotContain("<script>");
        content.Html.ShouldContain("pi_&lt;script&gt;alert(1)&lt;/script&gt;");
        content.Text.ShouldContain("pi_<script>alert(1)</script>");
        content.Text.ShouldContain("42.00 EUR");
        content.Html.ShouldContain("<strong>42.00 EUR</strong>");
    }

    [Fact]
    public void Should_not_mention_the_recipient_in_an_operations_alert_about_a_refund_mismatch()
    {
        var attention = new OrderNeedsAttention(Guid.NewGuid(), null, "Currency mismatch", 4200, "EUR", 4200, "USD", DateTimeOffset.UtcNow, Guid.NewGuid());

        var content = NeedsAttentionEmail.Render(attention);

        content.Text.ShouldContain("The provider reported 42.00 USD for payment (unknown); the order expected 42.00 EUR.");
        content.Html.ShouldContain("(unknown)");
    }
}
