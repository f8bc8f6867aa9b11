using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Payments.ProviderSimulator.Deliveries;
using Payments.ProviderSimulator.Payments;
using Payments.ProviderSimulator.Stripe.Objects;

namespace Payments.ProviderSimulator.Stripe;

/// <summary>
/// /v1/payment_intents (https://docs.stripe.com/api/payment_intents): create (optionally confirming at once),
/// retrieve, confirm, list. A declined card answers 402 card_error with the intent inside, as Stripe does; the intent
/// is left in requires_payment_method and can be confirmed again with another card.
/// </summary>
internal static class PaymentIntentsApi
{
    private const int DefaultLimit = 10;
    private const int MaxLimit = 100;
    private const long MaxAmount = 99_999_999;

    public static RouteGroupBuilder MapPaymentIntents(this RouteGroupBuilder v1)
    {
        v1.MapPost("/payment_intents", CreateAsync).WithName("CreatePaymentIntent");
        v1.MapGet("/payment_intents", ListAsync).WithName("ListPaymentIntents");
        v1.MapGet("/payment_intents/{id}", Retrieve).WithName("RetrievePaymentIntent");
        v1.MapPost("/payment_intents/{id}/confirm", ConfirmAsync).WithName("ConfirmPaymentIntent");
        return v1;
    }

    internal static async Task<Results<Ok<PaymentIntentObject>, JsonHttpResult<StripeErrorResponse>>> CreateAsync(
        HttpRequest request, PaymentLedger ledger, EventFanOut fanOut, CancellationToken cancellationToken)
    {
        var form = await StripeForm.ReadAsync(request, cancellationToken);
        var amount = form.RequiredInteger("amount");
        if (amount is < 1 or > MaxAmount)
        {
            throw amount < 1
                ? StripeErrors.Invalid("amount", "amount_too_small", "Amount must be at least 1 in the currency's smallest unit.")
                : StripeErrors.Invalid("amount", "amount_too_large", $"Amount must be no more than {MaxAmount}.");
        }

        var currency = form.RequiredString("currency");
        if (!Currencies.IsCode(currency))
        {
            throw StripeErrors.Invalid("currency", null, $"Invalid currency: {currency.ToLowerInvariant()}. Currencies are three-letter ISO codes.");
        }

        var paymentMethod = form.String("payment_method");
        var confirm = form.Boolean("confirm") ?? false;
        if (paymentMethod is not null && TestPaymentMethods.Find(paymentMethod) is null)
        {
            return StripeErrors.NoSuch("PaymentMethod", paymentMethod, "payment_method");
        }

        if (confirm && paymentMethod is null)
        {
            throw StripeErrors.Missing("payment_method");
        }

        var (payment, created) = ledger.Create(new NewPayment(
            amount, currency.ToLowerInvariant(), form.Hash("metadata"), form.String("description"), paymentMethod));
        fanOut.Publish(created);
        return confirm
            ? Answer(ledger.Confirm(payment.Id, null), payment.Id, fanOut)
            : TypedResults.Ok(PaymentIntentObject.From(payment));
    }

    internal static Results<Ok<PaymentIntentObject>, JsonHttpResult<StripeErrorResponse>> Retrieve(string id, PaymentLedger ledger) =>
        ledger.Find(id) is { } payment
            ? TypedResults.Ok(PaymentIntentObject.From(payment))
            : StripeErrors.NoSuch("payment_intent", id, "intent");

    internal static async Task<Results<Ok<PaymentIntentObject>, JsonHttpResult<StripeErrorResponse>>> ConfirmAsync(
        string id, HttpRequest request, PaymentLedger ledger, EventFanOut fanOut, CancellationToken cancellationToken)
    {
        var form = await StripeForm.ReadAsync(request, cancellationToken);
        return Answer(ledger.Confirm(id, form.String("payment_method")), id, fanOut);
    }

    /// <summary>GET with created (exact, or created[gte|gt|lte|lt]), limit (1-100, default 10), starting_after or ending_before.</summary>
    internal static async Task<Results<Ok<StripeList<PaymentIntentObject>>, JsonHttpResult<StripeErrorResponse>>> ListAsync(
        HttpRequest request, PaymentLedger ledger, CancellationToken cancellationToken)
    {
        var form = await StripeForm.ReadAsync(request, cancellationToken);
        var limit = form.Integer("limit") ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit)
        {
            throw StripeErrors.Invalid("limit", "parameter_invalid_integer", $"This value must be between 1 and {MaxLimit} (it currently is '{limit}').");
        }

        var startingAfter = form.String("starting_after");
        var endingBefore = form.String("ending_before");
        if (startingAfter is not null && endingBefore is not null)
        {
            throw StripeErrors.Invalid("starting_after", null, "You may only specify one of these parameters: ending_before, starting_after.");
        }

        var exact = form.Integer("created");
        var query = new PaymentQuery(
            form.Integer("created[gte]") ?? exact,
            form.Integer("created[gt]"),
            form.Integer("created[lte]") ?? exact,
            form.Integer("created[lt]"),
            (int)limit,
            startingAfter,
            endingBefore);
        if (ledger.List(query) is not { } page)
        {
            return startingAfter is not null
                ? StripeErrors.NoSuch("payment_intent", startingAfter, "starting_after")
                : StripeErrors.NoSuch("payment_intent", endingBefore!, "ending_before");
        }

        return TypedResults.Ok(new StripeList<PaymentIntentObject>(
            page.Data.Select(PaymentIntentObject.From).ToList(), page.HasMore, "/v1/payment_intents"));
    }

    private static Results<Ok<PaymentIntentObject>, JsonHttpResult<StripeErrorResponse>> Answer(ConfirmResult result, string id, EventFanOut fanOut)
    {
        switch (result)
        {
            case ConfirmResult.Succeeded succeeded:
                fanOut.Publish(succeeded.Event);
                return TypedResults.Ok(PaymentIntentObject.From(succeeded.Payment));
            case ConfirmResult.Declined declined:
                fanOut.Publish(declined.Event);
                return StripeErrors.CardDeclined(declined.Payment);
            case ConfirmResult.UnexpectedState unexpected:
                return StripeErrors.BadRequest("payment_intent_unexpected_state",
                    $"You cannot confirm this PaymentIntent because it has a status of {JsonNamingPolicy.SnakeCaseLower.ConvertName(unexpected.Status.ToString())}.");
            case ConfirmResult.MissingPaymentMethod:
                return StripeErrors.BadRequest("payment_intent_unexpected_state",
                    "You cannot confirm this PaymentIntent because it's missing a payment method. Specify payment_method.", "payment_method");
            case ConfirmResult.UnknownPaymentMethod unknown:
                return StripeErrors.NoSuch("PaymentMethod", unknown.PaymentMethod, "payment_method");
            default:
                return StripeErrors.NoSuch("payment_intent", id, "intent");
        }
    }
}
