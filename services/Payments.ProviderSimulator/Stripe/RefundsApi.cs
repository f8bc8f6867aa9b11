using Microsoft.AspNetCore.Http.HttpResults;
using Payments.ProviderSimulator.Deliveries;
using Payments.ProviderSimulator.Payments;
using Payments.ProviderSimulator.Stripe.Objects;

namespace Payments.ProviderSimulator.Stripe;

/// <summary>
/// /v1/refunds (https://docs.stripe.com/api/refunds/create): refund a payment's charge, all that is left of it or
/// amount. The charge's amount_refunded grows and charge.refunded is sent with the Charge as data.object.
/// </summary>
internal static class RefundsApi
{
    public static RouteGroupBuilder MapRefunds(this RouteGroupBuilder v1)
    {
        v1.MapPost("/refunds", CreateAsync).WithName("CreateRefund");
        v1.MapGet("/refunds/{id}", Retrieve).WithName("RetrieveRefund");
        return v1;
    }

    internal static async Task<Results<Ok<RefundObject>, JsonHttpResult<StripeErrorResponse>>> CreateAsync(
        HttpRequest request, PaymentLedger ledger, EventFanOut fanOut, CancellationToken cancellationToken)
    {
        var form = await StripeForm.ReadAsync(request, cancellationToken);
        var paymentIntent = form.String("payment_intent");
        var charge = form.String("charge");
        if (paymentIntent is null && charge is null)
        {
            throw new InvalidRequestException(StripeErrors.Coded("invalid_request_error", "parameter_missing",
                "One of the following params should be provided for this request: payment_intent or charge.", "payment_intent"));
        }

        var amount = form.Integer("amount");
        if (amount is < 1)
        {
            throw StripeErrors.Invalid("amount", "amount_too_small", "Refund amount must be at least 1 in the currency's smallest unit.");
        }

        switch (ledger.Refund(new RefundRequest(paymentIntent, charge, amount, form.Hash("metadata"))))
        {
            case RefundResult.Refunded refunded:
                fanOut.Publish(refunded.Event);
                return TypedResults.Ok(RefundObject.From(refunded.Refund));
            case RefundResult.NotFound missing:
                return StripeErrors.NoSuch(missing.Resource, missing.Id, missing.Param);
            case RefundResult.NotRefundable notRefundable:
                return StripeErrors.BadRequest("charge_not_refundable",
                    $"This PaymentIntent ({notRefundable.PaymentIntentId}) does not have a successful charge to refund.", "payment_intent");
            case RefundResult.AlreadyRefunded already:
                return StripeErrors.BadRequest("charge_already_refunded", $"Charge {already.ChargeId} has already been refunded.");
            case RefundResult.AmountTooLarge tooLarge:
                return StripeErrors.BadRequest("amount_too_large",
                    $"Refund amount ({tooLarge.Requested}) is greater than unrefunded amount on charge ({tooLarge.Refundable}).", "amount");
            default:
                throw new InvalidOperationException("Unknown refund result.");
        }
    }

    internal static Results<Ok<RefundObject>, JsonHttpResult<StripeErrorResponse>> Retrieve(string id, PaymentLedger ledger) =>
        ledger.FindRefund(id) is { } refund
            ? TypedResults.Ok(RefundObject.From(refund))
            : StripeErrors.NoSuch("refund", id, "id");
}
