using System.Net.Http.Headers;
using Payments.ServiceDefaults.Security;
using Payments.Testing.Security;

namespace Payments.Compose.Tests.Compose;

/// <summary>
/// Tokens the compose system trusts: docker-compose.yml takes the key from PAYMENTS_DEV_SIGNING_KEY (each project gets
/// <see cref="TestTokens.SigningKey"/>) and the issuer it names, payments-dev.
/// </summary>
public static class ComposeTokens
{
    public const string Issuer = "payments-dev";

    public static string Client { get; } = TestTokens.Create([ApiAudiences.Orders], [Scopes.OrdersWrite, Scopes.OrdersRead], issuer: Issuer);

    public static string Operator { get; } = TestTokens.Create(
        [ApiAudiences.Orders, ApiAudiences.Notifications, ApiAudiences.Reconciliation], [Scopes.PaymentsOps], subject: "compose-operator", issuer: Issuer);

    public static HttpClient ClientHttp(TimeSpan timeout) => With(Client, timeout);

    public static HttpClient OperatorHttp(TimeSpan timeout) => With(Operator, timeout);

    private static HttpClient With(string token, TimeSpan timeout) => new()
    {
        Timeout = timeout,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };
}
