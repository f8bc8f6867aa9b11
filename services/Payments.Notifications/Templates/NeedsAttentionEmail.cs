using System.Globalization;
using Payments.Contracts;

namespace Payments.Notifications.Templates;

/// <summary>For the merchant's operations address, not the customer: what the provider reported and what we expected.</summary>
internal static class NeedsAttentionEmail
{
    public static EmailContent Render(OrderNeedsAttention attention)
    {
        var expected = Money.Format(attention.ExpectedAmountMinor, attention.ExpectedCurrency);
        var reported = Money.Format(attention.ReportedAmountMinor, attention.ReportedCurrency);
        var payment = attention.PaymentId ?? "(unknown)";
        var detected = attention.DetectedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        var title = $"Order {attention.OrderId} needs attention";
        var text = $"""
            {title}

            The provider reported {reported} for payment {payment}; the order expected {expected}.
            Reason: {attention.Reason}
            Detected at {detected}. Automated processing has stopped for this order until someone resolves it.
            """;
        var html = HtmlLayout.Page(title,
            $"The provider reported <strong>{HtmlLayout.Encode(reported)}</strong> for payment {HtmlLayout.Encode(payment)}; the order expected <strong>{HtmlLayout.Encode(expected)}</strong>.",
            $"Reason: {HtmlLayout.Encode(attention.Reason)}",
            $"Detected at {HtmlLayout.Encode(detected)}. Automated processing has stopped for this order until someone resolves it.");
        return new EmailContent(title, text, html);
    }
}
