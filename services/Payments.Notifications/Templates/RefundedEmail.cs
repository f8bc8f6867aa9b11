using Payments.Contracts;

namespace Payments.Notifications.Templates;

internal static class RefundedEmail
{
    public static EmailContent Render(OrderRefunded refunded)
    {
        var amount = Money.Format(refunded.RefundedAmountMinor, refunded.Currency);
        var paid = Money.Format(refunded.AmountMinor, refunded.Currency);
        const string title = "Your refund is on its way";
        var text = $"""
            {title}

            We refunded {amount} of your {paid} payment for order {refunded.OrderId}.
            Depending on your bank it can take a few days to appear on your statement.
            Payment reference: {refunded.PaymentId}
            """;
        var html = HtmlLayout.Page(title,
            $"We refunded <strong>{HtmlLayout.Encode(amount)}</strong> of your {HtmlLayout.Encode(paid)} payment for order {HtmlLayout.Encode(refunded.OrderId.ToString())}.",
            "Depending on your bank it can take a few days to appear on your statement.",
            $"Payment reference: {HtmlLayout.Encode(refunded.PaymentId)}");
        return new EmailContent(title, text, html);
    }
}
