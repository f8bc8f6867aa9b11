using System.Net;
using System.Text.Json;
using Payments.ProviderSimulator.Tests.Infrastructure;
using Payments.ProviderSimulator.Tests.Signing;
using Payments.ProviderSimulator.Tests.Stripe;

namespace Payments.ProviderSimulator.Tests.Payments;

/// <summary>Confirming with Stripe's test cards: pm_card_visa succeeds, pm_card_chargeDeclined is declined; each outcome is a signed event.</summary>
public sealed class When_a_payment_intent_is_confirmed : WebhookFlowTest
{

    [Fact]
    public async Task Should_send_a_signed_succeeded_event()
    {
        var endpoint = await StripeApi.PostAsync("/v1/webhook_endpoints",
            [("url", Receiver.Url("succeeded")), ("enabled_events", new[] { "payment_intent.succeeded" })]);
        var secret = endpoint.String("secret");

        var intent = await StripeApi.PostAsync("/v1/payment_intents",
        [
            ("amount", 4200), ("currency", "eur"), ("metadata", new Dictionary<string, object?> { ["order_id"] = "order-1" }),
            ("payment_method", "pm_card_visa"), ("confirm", true),
        ]);

        intent.Status.ShouldBe(HttpStatusCode.OK);
        intent.String("status").ShouldBe("succeeded");
        intent.String("latest_charge").ShouldStartWith("ch_");
        var webhook = (await Receiver.WaitForAsync("succeeded", 1, "the succeeded event")).Single();
        IndependentSignatures.StripeVerifies(webhook.Header("Stripe-Signature"), secret, webhook.Body, out var signedAt).ShouldBeTrue();
        signedAt.ShouldBeInRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        webhook.Header("Content-Type").ShouldStartWith("application/json");

        using var document = JsonDocument.Parse(webhook.Body);
        var @event = document.RootElement;
        @event.GetProperty("id").GetString().ShouldStartWith("evt_");
        @event.GetProperty("object").GetString().ShouldBe("event");
        @event.GetProperty("type").GetString().ShouldBe("payment_intent.succeeded");
        @event.GetProperty("livemode").GetBoolean().ShouldBeFalse();
        @event.GetProperty("api_version").GetString().ShouldNotBeNullOrEmpty();
        @event.GetProperty("created").GetInt64().ShouldBeGreaterThan(0);
        var data = @event.GetProperty("data").GetProperty("object");
        data.GetProperty("id").GetString().ShouldBe(intent.Id);
        data.GetProperty("object").GetString().ShouldBe("payment_intent");
        data.GetProperty("amount").GetInt64().ShouldBe(4200);
        data.GetProperty("metadata").GetProperty("order_id").GetString().ShouldBe("order-1");
    }

    [Fact]
    public async Task Should_decline_a_card_then_succeed_when_confirmed_again()
    {
        await StripeApi.PostAsync("/v1/webhook_endpoints",
            [("url", Receiver.Url("outcomes")), ("enabled_events", new[] { "payment_intent.succeeded", "payment_intent.payment_failed" })]);
        var intent = await StripeApi.PostAsync("/v1/payment_intents", [("amount", 999), ("currency", "usd")]);

        var declined = await StripeApi.PostAsync($"/v1/payment_intents/{intent.Id}/confirm", [("payment_method", "pm_card_chargeDeclined")]);
        var afterDecline = await StripeApi.GetAsync($"/v1/payment_intents/{intent.Id}");
        var failedEvent = (await Receiver.WaitForAsync("outcomes", 1, "the payment_failed event")).Single();
        var retried = await StripeApi.PostAsync($"/v1/payment_intents/{intent.Id}/confirm", [("payment_method", "pm_card_visa")]);
        var succeededEvent = (await Receiver.WaitForAsync("outcomes", 2, "the succeeded event"))[1];

        declined.Status.ShouldBe(HttpStatusCode.PaymentRequired);
        declined.Error.GetProperty("type").GetString().ShouldBe("card_error");
        declined.Error.GetProperty("code").GetString().ShouldBe("card_declined");
        declined.Error.GetProperty("decline_code").GetString().ShouldBe("generic_decline");
        declined.Error.GetProperty("payment_intent").GetProperty("id").GetString().ShouldBe(intent.Id);

        afterDecline.String("status").ShouldBe("requires_payment_method");
        var lastError = afterDecline.Body.GetProperty("last_payment_error");
        lastError.GetProperty("code").GetString().ShouldBe("card_declined");
        lastError.GetProperty("decline_code").GetString().ShouldBe("generic_decline");
        lastError.GetProperty("payment_method").GetProperty("id").GetString().ShouldBe("pm_card_chargeDeclined");

        using (var failed = JsonDocument.Parse(failedEvent.Body))
        {
            failed.RootElement.GetProperty("type").GetString().ShouldBe("payment_intent.payment_failed");
            failed.RootElement.GetProperty("data").GetProperty("object").GetProperty("last_payment_error")
                .GetProperty("decline_code").GetString().ShouldBe("generic_decline");
        }

        retried.Status.ShouldBe(HttpStatusCode.OK);
        retried.String("status").ShouldBe("succeeded");
        retried.Body.GetProperty("last_payment_error").ValueKind.ShouldBe(JsonValueKind.Null);
        using var succeeded = JsonDocument.Parse(succeededEvent.Body);
        succeeded.RootElement.GetProperty("type").GetString().ShouldBe("payment_intent.succeeded");
    }

    [Fact]
    public async Task Should_refuse_to_confirm_a_payment_that_already_succeeded()
    {
        var intent = await StripeApi.PostAsync("/v1/payment_intents",
            [("amount", 500), ("currency", "eur"), ("payment_method", "pm_card_visa"), ("confirm", true)]);

        var again = await StripeApi.PostAsync($"/v1/payment_intents/{intent.Id}/confirm");

        again.Status.ShouldBe(HttpStatusCode.BadRequest);
        again.Error.GetProperty("code").GetString().ShouldBe("payment_intent_unexpected_state");
    }
}
