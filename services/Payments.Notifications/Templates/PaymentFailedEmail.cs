using Payments.Contracts;

namespace Payments.Notifications.Templates;

internal static class PaymentFailedEmail
{
    public static EmailContent Render(OrderPaymentFailed failed)
    {
        var amount = Money.Format(failed.AmountMinor, failed.Currency);
        const string title = "Your payment did not go through";
        var text = $"""
            {title}

            Your payment of {amount} for order {failed.OrderId} could not be completed, so you have not been charged.
            You can try again with the same or another payment method.
            Payment reference: {failed.PaymentId}
            """;
        var html = HtmlLayout.Page(title,
            $"Your payment of <strong>{HtmlLayout.Encode(amount)}</strong> for order {HtmlLayout.Encode(failed.OrderId.ToString())} could not be completed, so you have not been charged.",
            "You can try again with the same or another payment method.",
            $"Payment reference: {HtmlLayout.Encode(failed.PaymentId)}");
        return new EmailContent(title, text, html);
    }
}
