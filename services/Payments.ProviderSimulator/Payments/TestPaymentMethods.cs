namespace Payments.ProviderSimulator.Payments;

/// <summary>
/// The test PaymentMethods the sandbox knows, named as Stripe names them (https://docs.stripe.com/testing#declined-payments).
/// Any other pm_ id is answered as Stripe answers an unknown one: resource_missing.
/// </summary>
internal static class TestPaymentMethods
{
    private const string Declined = "Your card was declined.";

    private static readonly Dictionary<string, TestCard> Cards = new[]
    {
        new TestCard("pm_card_visa", "visa", "4242", null, ""),
        new TestCard("pm_card_mastercard", "mastercard", "4444", null, ""),
        new TestCard("pm_card_amex", "amex", "8431", null, ""),
        new TestCard("pm_card_chargeDeclined", "visa", "0002", "generic_decline", Declined),
        new TestCard("pm_card_chargeDeclinedInsufficientFunds", "visa", "9995", "insufficient_funds", "Your card has insufficient funds."),
        new TestCard("pm_card_chargeDeclinedLostCard", "visa", "9987", "lost_card", Declined),
        new TestCard("pm_card_chargeDeclinedStolenCard", "visa", "9979", "stolen_card", Declined),
    }.ToDictionary(card => card.Id, StringComparer.Ordinal);

    public static TestCard? Find(string id) => Cards.GetValueOrDefault(id);
}
