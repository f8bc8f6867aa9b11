using System.Net;
using System.Text;
using Payments.ProviderSimulator.Tests.Infrastructure;

namespace Payments.ProviderSimulator.Tests.Stripe;

/// <summary>Stripe compatibility: requests and answers exactly as Stripe's API documents them.</summary>
public sealed class When_a_client_speaks_the_Stripe_wire_format : IAsyncLifetime
{
    private readonly SimulatorApp _app = new();
    private StripeWireClient _stripe = null!;

    public ValueTask InitializeAsync()
    {
        _stripe = _app.Stripe();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Should_refuse_a_request_without_an_api_key_with_a_Stripe_shaped_401()
    {
        var response = await _stripe.SendRawAsync(HttpMethod.Post, "/v1/payment_intents", "amount=100&currency=eur", authorization: null, idempotencyKey: null);

        response.Status.ShouldBe(HttpStatusCode.Unauthorized);
        response.Error.GetProperty("type").GetString().ShouldBe("invalid_request_error");
        response.Error.GetProperty("message").GetString()!.ShouldContain("You did not provide an API key");
        response.Header("Request-Id").ShouldStartWith("req_");
    }

    [Fact]
    public async Task Should_refuse_an_unknown_api_key_and_echo_it_masked()
    {
        var response = await _stripe.SendRawAsync(HttpMethod.Get, "/v1/payment_intents", null, "Bearer sk_test_not_a_key_of_ours_9876", null);

        response.Status.ShouldBe(HttpStatusCode.Unauthorized);
        var message = response.Error.GetProperty("message").GetString()!;
        message.ShouldStartWith("Invalid API Key provided: sk_test_");
        message.ShouldEndWith("9876");
        message.ShouldNotContain("not_a_key_of_ours");
    }

    [Fact]
    public async Task Should_create_and_retrieve_a_payment_intent_with_bracketed_metadata()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var created = await _stripe.PostAsync("/v1/payment_intents",
        [
            ("amount", 4200), ("currency", "EUR"),
            ("metadata", new Dictionary<string, object?> { ["order_id"] = "order-42", ["note"] = "a b&c=d" }),
        ]);
        var retrieved = await _stripe.GetAsync($"/v1/payment_intents/{created.Id}");

        created.Status.ShouldBe(HttpStatusCode.OK);
        retrieved.Status.ShouldBe(HttpStatusCode.OK);
        retrieved.Body.GetRawText().ShouldBe(created.Body.GetRawText());
        var intent = retrieved.Body;
        intent.GetProperty("id").GetString().ShouldStartWith("pi_");
        intent.GetProperty("object").GetString().ShouldBe("payment_intent");
        intent.GetProperty("amount").GetInt64().ShouldBe(4200);
        intent.GetProperty("currency").GetString().ShouldBe("eur");
        intent.GetProperty("status").GetString().ShouldBe("requires_payment_method");
        intent.GetProperty("metadata").GetProperty("order_id").GetString().ShouldBe("order-42");
        intent.GetProperty("metadata").GetProperty("note").GetString().ShouldBe("a b&c=d");
        intent.GetProperty("created").GetInt64().ShouldBeInRange(before, before + 60);
        intent.GetProperty("latest_charge").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        intent.GetProperty("last_payment_error").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        intent.GetProperty("livemode").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Should_accept_curl_style_basic_auth_and_unencoded_brackets()
    {
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(SimulatorApp.ApiKey + ":"));

        var response = await _stripe.SendRawAsync(HttpMethod.Post, "/v1/webhook_endpoints",
            "url=http://127.0.0.1:9/hook&enabled_events[]=payment_intent.succeeded&enabled_events[]=charge.refunded", basic, null);

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.Body.GetProperty("enabled_events").EnumerateArray().Select(e => e.GetString())
            .ShouldBe(["payment_intent.succeeded", "charge.refunded"]);
    }

    [Fact]
    public async Task Should_name_a_missing_parameter_in_an_invalid_request_error()
    {
        var response = await _stripe.PostAsync("/v1/payment_intents", [("currency", "eur")]);

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.Error.GetProperty("type").GetString().ShouldBe("invalid_request_error");
        response.Error.GetProperty("code").GetString().ShouldBe("parameter_missing");
        response.Error.GetProperty("param").GetString().ShouldBe("amount");
        response.Error.GetProperty("message").GetString().ShouldBe("Missing required param: amount.");
    }

    [Fact]
    public async Task Should_answer_an_unknown_intent_with_resource_missing()
    {
        var response = await _stripe.GetAsync("/v1/payment_intents/pi_doesnotexist");

        response.Status.ShouldBe(HttpStatusCode.NotFound);
        response.Error.GetProperty("code").GetString().ShouldBe("resource_missing");
        response.Error.GetProperty("message").GetString().ShouldBe("No such payment_intent: 'pi_doesnotexist'");
    }

    [Fact]
    public async Task Should_replay_the_first_answer_to_a_repeated_idempotency_key()
    {
        (string, object?)[] parameters = [("amount", 1500), ("currency", "usd"), ("payment_method", "pm_card_visa"), ("confirm", true)];

        var first = await _stripe.PostAsync("/v1/payment_intents", parameters, idempotencyKey: "order-7-attempt-1");
        var second = await _stripe.PostAsync("/v1/payment_intents", parameters, idempotencyKey: "order-7-attempt-1");
        var list = await _stripe.GetAsync("/v1/payment_intents", [("limit", 100)]);

        first.Status.ShouldBe(HttpStatusCode.OK);
        first.String("status").ShouldBe("succeeded");
        second.Status.ShouldBe(HttpStatusCode.OK);
        second.Body.GetRawText().ShouldBe(first.Body.GetRawText());
        second.Header("Idempotent-Replayed").ShouldBe("true");
        first.Header("Idempotent-Replayed").ShouldBeNull();
        list.Body.GetProperty("data").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Should_refuse_an_idempotency_key_reused_with_other_parameters()
    {
        await _stripe.PostAsync("/v1/payment_intents", [("amount", 1500), ("currency", "usd")], idempotencyKey: "key-reused");

        var reused = await _stripe.PostAsync("/v1/payment_intents", [("amount", 9900), ("currency", "usd")], idempotencyKey: "key-reused");

        reused.Status.ShouldBe(HttpStatusCode.BadRequest);
        reused.Error.GetProperty("type").GetString().ShouldBe("idempotency_error");
    }

    [Fact]
    public async Task Should_page_through_payment_intents_newest_first_within_created_bounds()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await _stripe.PostAsync("/v1/payment_intents", [("amount", 100 + i), ("currency", "eur")])).Id);
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var bounds = new Dictionary<string, object?> { ["gte"] = now - 60, ["lte"] = now + 60 };

        var first = await _stripe.GetAsync("/v1/payment_intents", [("limit", 2), ("created", bounds)]);
        var second = await _stripe.GetAsync("/v1/payment_intents",
            [("limit", 2), ("created", bounds), ("starting_after", first.Body.GetProperty("data")[1].GetProperty("id").GetString())]);
        var none = await _stripe.GetAsync("/v1/payment_intents", [("created", new Dictionary<string, object?> { ["lte"] = now - 3600 })]);

        first.String("object").ShouldBe("list");
        first.String("url").ShouldBe("/v1/payment_intents");
        first.Body.GetProperty("has_more").GetBoolean().ShouldBeTrue();
        var page1 = first.Body.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        var page2 = second.Body.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        page1.ShouldBe([ids[2], ids[1]]);
        page2.ShouldBe([ids[0]]);
        second.Body.GetProperty("has_more").GetBoolean().ShouldBeFalse();
        none.Body.GetProperty("data").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Should_show_a_webhook_endpoint_secret_only_when_it_is_created()
    {
        var created = await _stripe.PostAsync("/v1/webhook_endpoints",
            [("url", "http://127.0.0.1:9/hook"), ("enabled_events", new[] { "*" })]);
        var retrieved = await _stripe.GetAsync($"/v1/webhook_endpoints/{created.Id}");
        var listed = await _stripe.GetAsync("/v1/webhook_endpoints");
        var deleted = await _stripe.DeleteAsync($"/v1/webhook_endpoints/{created.Id}");
        var gone = await _stripe.GetAsync($"/v1/webhook_endpoints/{created.Id}");

        created.Id.ShouldStartWith("we_");
        created.String("object").ShouldBe("webhook_endpoint");
        created.String("secret").ShouldStartWith("whsec_");
        retrieved.Status.ShouldBe(HttpStatusCode.OK);
        retrieved.Body.TryGetProperty("secret", out _).ShouldBeFalse();
        listed.Body.GetProperty("data").EnumerateArray().Single(e => e.GetProperty("id").GetString() == created.Id)
            .TryGetProperty("secret", out _).ShouldBeFalse();
        listed.Body.GetRawText().ShouldNotContain(created.String("secret"));
        deleted.Body.GetProperty("deleted").GetBoolean().ShouldBeTrue();
        gone.Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_disable_enable_and_resubscribe_a_webhook_endpoint()
    {
        var created = await _stripe.PostAsync("/v1/webhook_endpoints",
            [("url", "http://127.0.0.1:9/hook"), ("enabled_events", new[] { "payment_intent.succeeded" })]);

        var disabled = await _stripe.PostAsync($"/v1/webhook_endpoints/{created.Id}", [("disabled", "true")]);
        var listed = await _stripe.GetAsync("/v1/webhook_endpoints");
        var enabled = await _stripe.PostAsync($"/v1/webhook_endpoints/{created.Id}",
            [("disabled", "false"), ("enabled_events", new[] { "payment_intent.succeeded", "charge.refunded" })]);
        var unknown = await _stripe.PostAsync("/v1/webhook_endpoints/we_unknown", [("disabled", "true")]);

        created.String("status").ShouldBe("enabled");
        disabled.String("status").ShouldBe("disabled");
        disabled.Body.TryGetProperty("secret", out _).ShouldBeFalse();
        listed.Body.GetProperty("data").EnumerateArray().Single(e => e.GetProperty("id").GetString() == created.Id)
            .GetProperty("status").GetString().ShouldBe("disabled");
        enabled.String("status").ShouldBe("enabled");
        enabled.Body.GetProperty("enabled_events").EnumerateArray().Select(e => e.GetString()).ShouldBe(["payment_intent.succeeded", "charge.refunded"]);
        unknown.Status.ShouldBe(HttpStatusCode.NotFound);
    }
}
