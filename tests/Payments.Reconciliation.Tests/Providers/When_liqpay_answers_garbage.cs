using System.Net;
using Microsoft.Extensions.Options;
using Payments.Reconciliation.Providers;
using Payments.Reconciliation.Providers.LiqPay;

namespace Payments.Reconciliation.Tests.Providers;

/// <summary>A 200 from LiqPay's status request (https://www.liqpay.ua/en/doc/api/internet_acquiring/status) whose body is garbage is refused.</summary>
public sealed class When_liqpay_answers_garbage
{
    [Fact]
    public async Task Should_read_the_well_formed_answer_the_cases_start_from() =>
        (await GetAsync(Answer())).ShouldBe(new ProviderPayment("2000000001", "order-1", ProviderStatus.Succeeded, 4200, "UAH", 0,
            DateTimeOffset.FromUnixTimeMilliseconds(1767614400000), DateTimeOffset.FromUnixTimeMilliseconds(1767614460000)));

    [Theory]
    [InlineData("result", null)]
    [InlineData("result", "null")]
    [InlineData("result", "1")]
    [InlineData("amount", "\"a lot\"")]
    [InlineData("amount", "-42")]
    [InlineData("amount", "42.001")]
    [InlineData("amount", "92233720368547758.08")]
    [InlineData("amount", "1e28")]
    [InlineData("amount", "1e40")]
    [InlineData("refund_amount", "-1")]
    [InlineData("refund_amount", "1e27")]
    [InlineData("currency", null)]
    [InlineData("currency", "\"hryvnia\"")]
    [InlineData("currency", "980")]
    [InlineData("payment_id", "\"two billion\"")]
    [InlineData("payment_id", "1e30")]
    [InlineData("create_date", "1767614400")]
    [InlineData("create_date", "-1")]
    [InlineData("end_date", "9223372036854775807")]
    [InlineData("end_date", "\"today\"")]
    public async Task Should_refuse_a_status_with_a_bad_field(string field, string? raw) =>
        await Should.ThrowAsync<ProviderRejectedException>(() => GetAsync(Answer(field, raw)));

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"result":"ok","status":""")]
    public async Task Should_refuse_a_body_that_is_no_status(string body) =>
        await Should.ThrowAsync<ProviderRejectedException>(() => GetAsync(body));

    private static string Answer(string? field = null, string? raw = null) => StripeAnswers.Json(new()
    {
        ["result"] = "\"ok\"", ["status"] = "\"success\"", ["payment_id"] = "2000000001", ["order_id"] = "\"order-1\"", ["amount"] = "42.00",
        ["currency"] = "\"UAH\"", ["create_date"] = "1767614400000", ["end_date"] = "1767614460000",
    }, field, raw);

    private static Task<ProviderPayment> GetAsync(string body)
    {
        var client = new LiqPayStatusClient(
            new HttpClient(new CannedHttp(new() { ["/api/request"] = (HttpStatusCode.OK, body) })) { BaseAddress = new Uri("http://provider.test/") },
            Options.Create(new ProviderOptions
            {
                BaseUrl = "http://provider.test", ApiKey = "sk_test_canned", LiqPay = new() { PublicKey = "sandbox_public", PrivateKey = "sandbox_private" },
            }));
        return client.GetAsync(new PaymentReference("pi_1", Guid.NewGuid()), TestContext.Current.CancellationToken);
    }
}
