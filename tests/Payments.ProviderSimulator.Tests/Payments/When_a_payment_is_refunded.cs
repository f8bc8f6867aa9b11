using System.Net;
using System.Text.Json;
using Payments.ProviderSimulator.Tests.Infrastructure;
using Payments.ProviderSimulator.Tests.Signing;
using Payments.ProviderSimulator.Tests.Stripe;

namespace Payments.ProviderSimulator.Tests.Payments;

/// <summary>Refunds grow the charge's amount_refunded and send charge.refunded with the Charge as data.object.</summary>
public sealed class When_a_payment_is_refunded : WebhookFlowTest
{

    [Fact]
    public async Task Should_send_charge_refunded_with_the_amount_refunded_so_far()
    {
        var endpoint = await StripeApi.PostAsync("/v1/webhook_endpoints",
            [("url", Receiver.Url("refunds")), ("enabled_events", new[] { "charge.refunded" })]);
        var intent = await StripeApi.PostAsync("/v1/payment_intents",
        [
            ("amount", 5000), ("currency", "eur"), ("metadata", new Dictionary<string, object?> { ["order_id"] = "order-9" }),
            ("payment_method", "pm_card_visa"), ("confirm", true),
        ]);

        var partial = await StripeApi.PostAsync("/v1/refunds", [("payment_intent", intent.Id), ("amount", 2000)]);
        var rest = await StripeApi.PostAsync("/v1/refunds", [("payment_intent", intent.Id)]);
        var webhooks = await Receiver.WaitForAsync("refunds", 2, "two charge.refunded events");

        partial.Status.ShouldBe(HttpStatusCode.OK);
        partial.Id.ShouldStartWith("re_");
        partial.String("object").ShouldBe("refund");
        partial.Body.GetProperty("amount").GetInt64().ShouldBe(2000);
        partial.String("payment_intent").ShouldBe(intent.Id);
        partial.String("charge").ShouldBe(intent.String("latest_charge"));
        rest.Body.GetProperty("amount").GetInt64().ShouldBe(3000);

        var charges = webhooks.OrderBy(w => w.Number).Select(w =>
        {
            IndependentSignatures.StripeVerifies(w.Header("Stripe-Signature"), endpoint.String("secret"), w.Body, out _).ShouldBeTrue();
            using var document = JsonDocument.Parse(w.Body);
            document.RootElement.GetProperty("type").GetString().ShouldBe("charge.refunded");
            return document.RootElement.GetProperty("data").GetProperty("object").Clone();
        }).ToList();
        charges.Select(c => c.GetProperty("amount_refunded").GetInt64()).Order().ShouldBe([2000L, 5000L]);
        foreach (var charge in charges)
        {
            charge.GetProperty("id").GetString().ShouldBe(intent.String("latest_charge"));
            charge.GetProperty("object").GetString().ShouldBe("charge");
            charge.GetProperty("payment_intent").GetString().ShouldBe(intent.Id);
            charge.GetProperty("amount").GetInt64().ShouldBe(5000);
            charge.GetProperty("currency").GetString().ShouldBe("eur");
            charge.GetProperty("metadata").GetProperty("order_id").GetString().ShouldBe("order-9");
        }
    }

    [Fact]
    public async Task Should_refuse_to_refund_more_than_is_left()
    {
        var intent = await StripeApi.PostAsync("/v1/payment_intents",
            [("amount", 1000), ("currency", "eur"), ("payment_method", "pm_card_visa"), ("confirm", true)]);
        await StripeApi.PostAsync("/v1/refunds", [("payment_intent", intent.Id), ("amount", 700)]);

        var tooMuch = await StripeApi.PostAsync("/v1/refunds", [("payment_intent", intent.Id), ("amount", 301)]);

        tooMuch.Status.ShouldBe(HttpStatusCode.BadRequest);
        tooMuch.Error.GetProperty("code").GetString().ShouldBe("amount_too_large");
        tooMuch.Error.GetProperty("param").GetString().ShouldBe("amount");
    }

    [Fact]
    public async Task Should_refuse_to_refund_a_payment_that_never_succeeded()
    {
        var intent = await StripeApi.PostAsync("/v1/payment_intents", [("amount", 1000), ("currency", "eur")]);

        var refund = await StripeApi.PostAsync("/v1/refunds", [("payment_intent", intent.Id)]);

        refund.Status.ShouldBe(HttpStatusCode.BadRequest);
        refund.Error.GetProperty("type").GetString().ShouldBe("invalid_request_error");
    }
}
