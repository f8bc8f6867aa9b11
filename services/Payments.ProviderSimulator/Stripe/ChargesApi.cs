using Microsoft.AspNetCore.Http.HttpResults;
using Payments.ProviderSimulator.Payments;
using Payments.ProviderSimulator.Stripe.Objects;

namespace Payments.ProviderSimulator.Stripe;

/// <summary>
/// GET /v1/charges/{id} (https://docs.stripe.com/api/charges/retrieve): how a client learns that a succeeded
/// PaymentIntent was refunded (its latest_charge's amount_refunded) without having received charge.refunded.
/// </summary>
internal static class ChargesApi
{
    public static RouteGroupBuilder MapCharges(this RouteGroupBuilder v1)
    {
        v1.MapGet("/charges/{id}", Retrieve).WithName("RetrieveCharge");
        return v1;
    }

    internal static Results<Ok<ChargeObject>, JsonHttpResult<StripeErrorResponse>> Retrieve(string id, PaymentLedger ledger) =>
        ledger.FindCharge(id) is { } charge
            ? TypedResults.Ok(ChargeObject.From(charge))
            : StripeErrors.NoSuch("charge", id, "id");
}
