using System.Net;
using System.Net.Http.Json;
using Payments.Security.Tests.Infrastructure;
using Payments.ServiceDefaults.Security;
using Payments.Testing.Security;

namespace Payments.Security.Tests.Tokens;

/// <summary>Tokens that must not open Orders' POST /orders even though they carry orders:write.</summary>
[Collection(SecurityCollection.Name)]
public sealed class When_a_token_is_not_for_this_service(SecuritySystem system)
{
    [Fact]
    public async Task Should_refuse_another_services_audience() =>
        (await CreateOrderAsync(TestTokens.Create([ApiAudiences.Notifications, ApiAudiences.Reconciliation], [Scopes.OrdersWrite])))
        .ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task Should_refuse_an_expired_token() =>
        (await CreateOrderAsync(TestTokens.Create([ApiAudiences.Orders], [Scopes.OrdersWrite], expires: DateTime.UtcNow.AddMinutes(-10))))
        .ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task Should_refuse_a_token_signed_with_another_key() =>
        (await CreateOrderAsync(TestTokens.Create([ApiAudiences.Orders], [Scopes.OrdersWrite], signingKey: Convert.ToBase64String(new byte[32]))))
        .ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task Should_refuse_a_token_from_another_issuer() =>
        (await CreateOrderAsync(TestTokens.Create([ApiAudiences.Orders], [Scopes.OrdersWrite], issuer: "someone-else")))
        .ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task Should_accept_the_scope_in_scp_or_in_a_list_of_several()
    {
        (await CreateOrderAsync(TestTokens.Create([ApiAudiences.Orders], [Scopes.OrdersRead, Scopes.OrdersWrite]))).ShouldBe(HttpStatusCode.Created);
        (await CreateOrderAsync(TestTokens.Create([ApiAudiences.Orders], [Scopes.OrdersWrite], scopeClaim: "scp"))).ShouldBe(HttpStatusCode.Created);
    }

    private async Task<HttpStatusCode> CreateOrderAsync(string token)
    {
        using var http = new HttpClient { BaseAddress = system.Orders.PublicUrl };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var response = await http.PostAsJsonAsync("/orders", new { amountMinor = 1200, currency = "usd", customerEmail = "ann@example.com" },
            TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
