using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Payments.ProviderSimulator.Tests.Infrastructure;
using Payments.ProviderSimulator.Tests.Signing;
using Payments.ProviderSimulator.Tests.Stripe;

namespace Payments.ProviderSimulator.Tests.LiqPay;

/// <summary>
/// The same payment flow seen by a LiqPay receiver: a form callback (data + signature) signed with the merchant's
/// private key, and LiqPay's signed status request answered in the same shape.
/// </summary>
public sealed class When_a_LiqPay_merchant_is_paid : WebhookFlowTest
{

    [Fact]
    public async Task Should_post_a_callback_signed_with_the_private_key()
    {
        await App.Sim().RegisterEndpointAsync("liqpay", Receiver.Url("liqpay"));

        var intent = await PayAsync("order-lp-1", 4250, "pm_card_visa");
        var callback = (await Receiver.WaitForAsync("liqpay", 1, "the success callback")).Single();

        callback.Header("Content-Type").ShouldStartWith("application/x-www-form-urlencoded");
        var form = QueryHelpers.ParseQuery(callback.Text);
        var data = form["data"].ToString();
        form["signature"].ToString().ShouldBe(IndependentSignatures.LiqPay(SimulatorApp.LiqPayPrivateKey, data));
        using var json = JsonDocument.Parse(Convert.FromBase64String(data));
        var payment = json.RootElement;
        payment.GetProperty("action").GetString().ShouldBe("pay");
        payment.GetProperty("status").GetString().ShouldBe("success");
        payment.GetProperty("payment_id").ValueKind.ShouldBe(JsonValueKind.Number);
        payment.GetProperty("order_id").GetString().ShouldBe("order-lp-1");
        payment.GetProperty("amount").GetDecimal().ShouldBe(42.50m);
        payment.GetProperty("currency").GetString().ShouldBe("UAH");
        payment.GetProperty("public_key").GetString().ShouldBe(SimulatorApp.LiqPayPublicKey);
        payment.GetProperty("create_date").GetInt64().ShouldBeGreaterThan(0);
        payment.GetProperty("end_date").GetInt64().ShouldBeGreaterThanOrEqualTo(payment.GetProperty("create_date").GetInt64());
        intent.ShouldStartWith("pi_");
        // LiqPay gives a callback no id: the log names it as a receiver keys it, by the attempt, action and status.
        var delivery = (await App.Sim().DeliveriesAsync($"payment_intent={intent}")).Single();
        delivery.GetProperty("message_id").GetString().ShouldBe($"{payment.GetProperty("payment_id").GetInt64()}:pay:success");
    }

    [Fact]
    public async Task Should_report_a_declined_then_refunded_payment_as_failure_then_reversed()
    {
        await App.Sim().RegisterEndpointAsync("liqpay", Receiver.Url("lifecycle"));
        var intent = await StripeApi.PostAsync("/v1/payment_intents",
            [("amount", 1000), ("currency", "uah"), ("metadata", new Dictionary<string, object?> { ["order_id"] = "order-lp-2" })]);

        await StripeApi.PostAsync($"/v1/payment_intents/{intent.Id}/confirm", [("payment_method", "pm_card_chargeDeclined")]);
        await StripeApi.PostAsync($"/v1/payment_intents/{intent.Id}/confirm", [("payment_method", "pm_card_visa")]);
        await StripeApi.PostAsync("/v1/refunds", [("payment_intent", intent.Id), ("amount", 400)]);
        var callbacks = await Receiver.WaitForAsync("lifecycle", 3, "failure, success and reversed callbacks");

        // Concurrent sending gives no order guarantee (nor does LiqPay): match callbacks by status.
        var byStatus = callbacks.Select(c =>
        {
            using var json = JsonDocument.Parse(Convert.FromBase64String(QueryHelpers.ParseQuery(c.Text)["data"].ToString()));
            return json.RootElement.Clone();
        }).ToDictionary(p => p.GetProperty("status").GetString()!);
        byStatus.Keys.ShouldBe(["failure", "success", "reversed"], ignoreOrder: true);
        byStatus.Values.Select(p => p.GetProperty("payment_id").GetInt64()).Distinct().Count().ShouldBe(1);
        byStatus["failure"].GetProperty("err_code").GetString().ShouldBe("generic_decline");
        byStatus["reversed"].GetProperty("amount").GetDecimal().ShouldBe(10.00m);
        byStatus["reversed"].GetProperty("refund_amount").GetDecimal().ShouldBe(4.00m);
    }

    [Fact]
    public async Task Should_answer_a_signed_status_request_in_the_callback_shape()
    {
        await PayAsync("order-lp-3", 1999, "pm_card_visa");

        var answer = await StatusRequestAsync(new { action = "status", version = 3, public_key = SimulatorApp.LiqPayPublicKey, order_id = "order-lp-3" });

        answer.GetProperty("result").GetString().ShouldBe("ok");
        answer.GetProperty("status").GetString().ShouldBe("success");
        answer.GetProperty("order_id").GetString().ShouldBe("order-lp-3");
        answer.GetProperty("amount").GetDecimal().ShouldBe(19.99m);
        answer.GetProperty("payment_id").ValueKind.ShouldBe(JsonValueKind.Number);
    }

    [Fact]
    public async Task Should_refuse_a_status_request_with_a_wrong_signature()
    {
        var answer = await StatusRequestAsync(
            new { action = "status", version = 3, public_key = SimulatorApp.LiqPayPublicKey, order_id = "order-lp-4" }, privateKey: "not-the-key");

        answer.GetProperty("result").GetString().ShouldBe("error");
        answer.GetProperty("err_code").GetString().ShouldBe("invalid_signature");
    }

    [Fact]
    public async Task Should_answer_payment_not_found_for_an_unknown_order()
    {
        var answer = await StatusRequestAsync(new { action = "status", version = 3, public_key = SimulatorApp.LiqPayPublicKey, order_id = "no-such-order" });

        answer.GetProperty("result").GetString().ShouldBe("error");
        answer.GetProperty("err_code").GetString().ShouldBe("payment_not_found");
    }

    private async Task<string> PayAsync(string orderId, long amount, string paymentMethod) => (await StripeApi.PostAsync("/v1/payment_intents",
    [
        ("amount", amount), ("currency", "uah"), ("metadata", new Dictionary<string, object?> { ["order_id"] = orderId }),
        ("payment_method", paymentMethod), ("confirm", true),
    ])).Id;

    // Signed as LiqPay's SDKs sign API requests: data = base64(JSON), signature over it with the private key.
    private async Task<JsonElement> StatusRequestAsync(object request, string privateKey = SimulatorApp.LiqPayPrivateKey)
    {
        var data = Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request)));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["data"] = data,
            ["signature"] = IndependentSignatures.LiqPay(privateKey, data),
        });
        var response = await App.CreateClient().PostAsync("/api/request", form, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }
}
