using System.Net;
using Microsoft.Extensions.Options;
using Payments.Reconciliation.Providers;
using Payments.Reconciliation.Providers.Stripe;

namespace Payments.Reconciliation.Tests.Providers;

/// <summary>A 200 from Stripe's status API whose body is not what the API documents is refused, field by field.</summary>
public sealed class When_stripe_answers_garbage
{
    [Fact]
    public async Task Should_read_the_well_formed_answer_the_cases_start_from() =>
        (await GetAsync(StripeAnswers.Intent(), StripeAnswers.Charge())).ShouldBe(new ProviderPayment("pi_1", "0195a3c0-0000-7000-8000-000000000001",
            ProviderStatus.Succeeded, 4200, "EUR", 0, DateTimeOffset.FromUnixTimeSeconds(1767614400), DateTimeOffset.FromUnixTimeSeconds(1767614460)));

    [Theory]
    [InlineData("id", null)]
    [InlineData("id", "null")]
    [InlineData("id", "\"pi_someone_else\"")]
    [InlineData("status", null)]
    [InlineData("status", "null")]
    [InlineData("status", "7")]
    [InlineData("amount", null)]
    [InlineData("amount", "\"lots\"")]
    [InlineData("amount", "true")]
    [InlineData("amount", "42.5")]
    [InlineData("amount", "-4200")]
    [InlineData("amount", "99999999999999999999")]
    [InlineData("amount_received", "-1")]
    [InlineData("amount_received", "1e400")]
    [InlineData("currency", null)]
    [InlineData("currency", "null")]
    [InlineData("currency", "\"\"")]
    [InlineData("currency", "\"euro\"")]
    [InlineData("currency", "\"e1r\"")]
    [InlineData("currency", "978")]
    [InlineData("created", null)]
    [InlineData("created", "0")]
    [InlineData("created", "-62135596801")]
    [InlineData("created", "1767614400000")]
    [InlineData("created", "\"yesterday\"")]
    [InlineData("metadata", "[]")]
    [InlineData("metadata", """{"order_id":5}""")]
    [InlineData("last_payment_error", "\"declined\"")]
    [InlineData("latest_charge", "{}")]
    public async Task Should_refuse_an_intent_with_a_bad_field(string field, string? raw) =>
        await Should.ThrowAsync<ProviderRejectedException>(() => GetAsync(StripeAnswers.Intent(field, raw), StripeAnswers.Charge()));

    [Theory]
    [InlineData("id", "\"ch_other\"")]
    [InlineData("amount", null)]
    [InlineData("amount_refunded", null)]
    [InlineData("amount_refunded", "-1")]
    [InlineData("amount_refunded", "4201")]
    [InlineData("amount_refunded", "\"all\"")]
    [InlineData("created", "0")]
    [InlineData("created", "253402300800")]
    [InlineData("currency", null)]
    public async Task Should_refuse_a_latest_charge_with_a_bad_field(string field, string? raw) =>
        await Should.ThrowAsync<ProviderRejectedException>(() => GetAsync(StripeAnswers.Intent(), StripeAnswers.Charge(field, raw)));

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("\"succeeded\"")]
    [InlineData("<html><body>Service temporarily unavailable</body></html>")]
    [InlineData("""{"id":"pi_1","status":"succeeded",""")]
    public async Task Should_refuse_a_body_that_is_no_payment_intent(string body) =>
        await Should.ThrowAsync<ProviderRejectedException>(() => GetAsync(body, StripeAnswers.Charge()));

    private static Task<ProviderPayment> GetAsync(string intent, string charge)
    {
        var http = new CannedHttp(new()
        {
            ["/v1/payment_intents/pi_1"] = (HttpStatusCode.OK, intent),
            ["/v1/charges/ch_1"] = (HttpStatusCode.OK, charge),
        });
        return Client(http).GetAsync(new PaymentReference("pi_1", Guid.NewGuid()), TestContext.Current.CancellationToken);
    }

    internal static StripeStatusClient Client(HttpMessageHandler http, int maxListPages = 1000, long maxResponseBytes = 4 * 1024 * 1024) => new(
        new HttpClient(http) { BaseAddress = new Uri("http://provider.test/") },
        Options.Create(new ProviderOptions
        {
            BaseUrl = "http://provider.test", ApiKey = "sk_test_canned", MaxListPages = maxListPages, MaxResponseBytes = maxResponseBytes,
        }));
}
