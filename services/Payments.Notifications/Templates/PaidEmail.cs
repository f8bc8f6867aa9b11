using Payments.Contracts;

namespace Payments.Notifications.Templates;

internal static class PaidEmail
{
    public static EmailContent Render(OrderPaid paid)
    {
        var amount = Money.Format(paid.AmountMinor, paid.Currency);
        const string title = "Thank you for your purchase!";
        var text = $"""
            {title}

            We received your payment of {amount} for order {paid.OrderId}.
            Payment reference: {paid.PaymentId}
            """;
        var html = HtmlLayout.Page(title,
            $"We received your payment of <strong>{HtmlLayout.Encode(amount)}</strong> for order {HtmlLayout.Encode(paid.OrderId.ToString())}.",
            $"Payment reference: {HtmlLayout.Encode(paid.PaymentId)}");
        return new EmailContent(title, text, html);
    }
}
