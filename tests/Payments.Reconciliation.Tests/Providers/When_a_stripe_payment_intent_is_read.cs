using System.Net;
using Microsoft.Extensions.Options;
using Payments.Reconciliation.Providers;
using Payments.Reconciliation.Providers.Stripe;

namespace Payments.Reconciliation.Tests.Providers;

/// <summary>The Stripe client against canned answers in Stripe's documented shapes (https://docs.stripe.com/api/payment_intents/object).</summary>
public sealed class When_a_stripe_payment_intent_is_read
{
    [Theory]
    [InlineData("requires_payment_method", false, ProviderStatus.Pending)]
    [InlineData("requires_payment_method", true, ProviderStatus.Failed)]
    [InlineData("requires_confirmation", false, ProviderStatus.Pending)]
    [InlineData("requires_action", false, ProviderStatus.Pending)]
    [InlineData("processing", false, ProviderStatus.Pending)]
    [InlineData("requires_capture", false, ProviderStatus.Pending)]
    [InlineData("canceled", false, ProviderStatus.Failed)]
    [InlineData("succeeded", false, ProviderStatus.Succeeded)]
    [InlineData("a_status_stripe_adds_later", false, ProviderStatus.Pending)]
    public void Should_map_its_status(string status, bool declined, ProviderStatus expected) =>
        StripeStatuses.Map(new StripePaymentIntent("pi_1", status, 4200, 0, "eur", 0, null, declined ? new("card_error", "card_declined") : null, null), null)
            .ShouldBe(expected);

    [Fact]
    public async Task Should_see_a_refund_on_the_latest_charge()
    {
        var http = new CannedHttp(new()
        {
            ["/v1/payment_intents/pi_1"] = (HttpStatusCode.OK, """
                {"id":"pi_1","object":"payment_intent","amount":4200,"amount_received":4200,"currency":"eur","created":1767614400,
                 "latest_charge":"ch_1","last_payment_error":null,"metadata":{"order_id":"0195a3c0-0000-7000-8000-000000000001"},"status":"succeeded"}
                """),
            ["/v1/charges/ch_1"] = (HttpStatusCode.OK, """
                {"id":"ch_1","object":"charge","amount":4200,"amount_refunded":1500,"created":1767614460,"currency":"eur","refunded":false}
                """),
        });

        var payment = await Client(http).GetAsync(new PaymentReference("pi_1", Guid.NewGuid()), TestContext.Current.CancellationToken);

        payment.ShouldBe(new ProviderPayment("pi_1", "0195a3c0-0000-7000-8000-000000000001", ProviderStatus.Refunded, 4200, "EUR", 1500,
            DateTimeOffset.FromUnixTimeSeconds(1767614400), DateTimeOffset.FromUnixTimeSeconds(1767614460)));
        http.Requests.ShouldAllBe(r => r.Headers.Authorization!.ToString() == "Bearer sk_test_canned");
    }

    [Fact]
    public async Task Should_call_a_payment_the_provider_does_not_know_missing() =>
        (await Client(new CannedHttp([])).GetAsync(new PaymentReference("pi_unknown", Guid.NewGuid()), TestContext.Current.CancellationToken))
            .Status.ShouldBe(ProviderStatus.Missing);

    [Fact]
    public async Task Should_not_fetch_a_charge_for_an_intent_without_an_outcome()
    {
        var http = new CannedHttp(new()
        {
            ["/v1/payment_intents/pi_2"] = (HttpStatusCode.OK, """
                {"id":"pi_2","amount":100,"amount_received":0,"currency":"usd","created":1767614400,"latest_charge":"ch_2","status":"requires_payment_method",
                 "last_payment_error":{"type":"card_error","code":"card_declined"}}
                """),
        });

        (await Client(http).GetAsync(new PaymentReference("pi_2", Guid.NewGuid()), TestContext.Current.CancellationToken)).Status.ShouldBe(ProviderStatus.Failed);
        http.Requests.Count.ShouldBe(1);
    }

    private static StripeStatusClient Client(CannedHttp http)
    {
        var options = Options.Create(new ProviderOptions
        {
            BaseUrl = "http://provider.test", ApiKey = "sk_test_canned",
        });
        return new StripeStatusClient(new HttpClient(http) { BaseAddress = new Uri("http://provider.test/") }, options);
    }
}
