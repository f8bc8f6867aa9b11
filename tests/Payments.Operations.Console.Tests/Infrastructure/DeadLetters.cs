using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.Contracts;
using Payments.Messaging;
using Payments.ServiceDefaults.Security;
using Payments.Testing;
using Payments.Testing.Messaging;
using Payments.Testing.Security;

namespace Payments.Operations.Console.Tests.Infrastructure;

/// <summary>Makes real dead letters: a Stripe "succeeded" for an order Orders does not know yet lands in its error queue.</summary>
public static class DeadLetters
{
    public sealed record Made(Guid OrderId, string PaymentId, string ProviderEventId, long DeadLetterId);

    public static Task<Made> PaymentForUnknownOrderAsync(ConsoleSystem system, CancellationToken cancellationToken) =>
        PaymentAsync(system, Guid.NewGuid(), "pi_" + Guid.NewGuid().ToString("N")[..20], deadLettersOfTheOrder: 1, cancellationToken);

    /// <summary>A second provider event for the same unknown order: two dead letters one order-id filter matches.</summary>
    public static Task<Made> AnotherPaymentForAsync(ConsoleSystem system, Made first, CancellationToken cancellationToken) =>
        PaymentAsync(system, first.OrderId, first.PaymentId, deadLettersOfTheOrder: 2, cancellationToken);

    /// <summary>dead, replayed or discarded, as the API says.</summary>
    public static async Task<string?> StateAsync(ConsoleSystem system, long id, CancellationToken cancellationToken)
    {
        using var http = OperatorClient(system);
        var detail = await http.GetFromJsonAsync<JsonElement>($"/api/dead-letters/{id}", cancellationToken);
        return detail.GetProperty("state").GetString();
    }

    private static async Task<Made> PaymentAsync(ConsoleSystem system, Guid orderId, string paymentId, int deadLettersOfTheOrder, CancellationToken cancellationToken)
    {
        var providerEventId = "evt_" + Guid.NewGuid().ToString("N")[..20];
        var now = DateTimeOffset.UtcNow;
        await using (var bus = await TestBus.ConnectAsync(system.Broker))
        {
            await bus.PublishAsync(new PaymentEventReceived(EventIds.From("stripe", providerEventId), "stripe", "stripe", providerEventId,
                PaymentEventKind.Succeeded, paymentId, orderId.ToString(), 4200, "EUR", now, now));
        }

        using var http = OperatorClient(system);
        var id = await Eventually.ValueAsync(async () =>
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/api/dead-letters?orderId={orderId}", cancellationToken);
            var items = page.GetProperty("items");
            // Ids grow as rows are captured: the one just made has the highest.
            return items.GetArrayLength() == deadLettersOfTheOrder ? items.EnumerateArray().Max(item => item.GetProperty("id").GetInt64()) : (long?)null;
        }, found => found is not null, TimeSpan.FromSeconds(30), "the payment event to be dead-lettered and captured", cancellationToken);
        return new Made(orderId, paymentId, providerEventId, id!.Value);
    }

    public static HttpClient OperatorClient(ConsoleSystem system)
    {
        var http = new HttpClient { BaseAddress = new Uri(system.Url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorToken());
        return http;
    }

    /// <summary>An operator's token: Operations' audience and Orders' (Operations forwards it to Orders).</summary>
    public static string OperatorToken() =>
        TestTokens.Create([ApiAudiences.Operations, ApiAudiences.Orders, ApiAudiences.Notifications, ApiAudiences.Reconciliation], [Scopes.PaymentsOps], subject: "console-operator");
}
