namespace Payments.Reconciliation.Tests.Providers;

/// <summary>
/// A well-formed succeeded PaymentIntent pi_1 and its charge ch_1 (https://docs.stripe.com/api/payment_intents/object),
/// with any field replaced by raw JSON or left out (null), to build garbage one field at a time.
/// </summary>
public static class StripeAnswers
{
    public static string Intent(string? field = null, string? raw = null, string id = "pi_1") => Json(new()
    {
        ["id"] = $"\"{id}\"", ["object"] = "\"payment_intent\"", ["amount"] = "4200", ["amount_received"] = "4200", ["currency"] = "\"eur\"",
        ["created"] = "1767614400", ["latest_charge"] = "\"ch_1\"", ["last_payment_error"] = "null",
        ["metadata"] = """{"order_id":"0195a3c0-0000-7000-8000-000000000001"}""", ["status"] = "\"succeeded\"",
    }, field, raw);

    public static string Charge(string? field = null, string? raw = null) => Json(new()
    {
        ["id"] = "\"ch_1\"", ["object"] = "\"charge\"", ["amount"] = "4200", ["amount_refunded"] = "0", ["created"] = "1767614460", ["currency"] = "\"eur\"",
    }, field, raw);

    public static string Json(Dictionary<string, string> fields, string? field, string? raw)
    {
        if (field is not null)
        {
            if (raw is null)
            {
                fields.Remove(field);
            }
            else
            {
                fields[field] = raw;
            }
        }

        return "{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";
    }
}
