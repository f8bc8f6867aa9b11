namespace Payments.Orders.Ordering;

/// <summary>POST /orders body. Amount in the currency's minor units (cents).</summary>
public sealed record CreateOrderRequest(long? AmountMinor, string? Currency, string? CustomerEmail)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (AmountMinor is not > 0)
        {
            errors["amountMinor"] = ["Required: a positive integer amount in the currency's minor units."];
        }

        if (Currency is null || Currency.Length != 3 || !Currency.All(char.IsAsciiLetter))
        {
            errors["currency"] = ["Required: an ISO 4217 three-letter code, e.g. EUR."];
        }

        if (CustomerEmail is null || CustomerEmail.Length > 254
            || !System.Net.Mail.MailAddress.TryCreate(CustomerEmail, out var address) || address.Address != CustomerEmail.Trim())
        {
            errors["customerEmail"] = ["Required: a plain email address (no display name)."];
        }

        return errors;
    }

    /// <summary>What an Idempotency-Key is bound to: the same key with another request is refused.</summary>
    public string Fingerprint() => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes($"{AmountMinor}|{Currency!.ToUpperInvariant()}|{CustomerEmail!.Trim()}")));
}
