using System.Net.Http.Json;
using System.Text.Json;
using Payments.ServiceDefaults.Security;
using Payments.Testing;
using Payments.Testing.Security;

namespace Payments.Chaos.Tests;

/// <summary>What the system did, read back from its own APIs and the SMTP server, once it has settled.</summary>
public sealed class Outcome
{
    public required int Orders { get; init; }

    public required List<(PlacedOrder Order, string Status)> Mismatched { get; init; }

    public required int WebhooksAcknowledged { get; init; }

    public required List<string> AcknowledgedButNotRecorded { get; init; }

    public required List<string> RecordedTwice { get; init; }

    public required int Transitions { get; init; }

    public required int NotificationsSent { get; init; }

    public required int EmailsReceived { get; init; }

    public required int DistinctMessageIds { get; init; }

    public required int RecoveredByReconciliation { get; init; }

    public override string ToString() =>
        $"orders {Orders}, not in the provider's state {Mismatched.Count}; webhooks acknowledged {WebhooksAcknowledged}, lost {AcknowledgedButNotRecorded.Count}, " +
        $"recorded twice {RecordedTwice.Count}; order transitions {Transitions}; notifications sent {NotificationsSent}; emails received {EmailsReceived} " +
        $"({DistinctMessageIds} distinct Message-IDs); orders recovered by reconciliation {RecoveredByReconciliation}";

    public static async Task<Outcome> SettleAsync(PaymentsSystem system, IReadOnlyCollection<PlacedOrder> orders, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = TestTokens.Bearer(ApiAudiences.Orders, Scopes.OrdersRead);
        using var operations = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        operations.DefaultRequestHeaders.Authorization = TestTokens.Bearer(ApiAudiences.Notifications, Scopes.PaymentsOps);
        var ordersUrl = system.Orders[0].BaseUrl;
        var notificationsUrl = system.Notifications[0].BaseUrl;

        // Settled: every order in its provider-side state, and every transition has its email sent.
        var histories = (await Eventually.ValueAsync(async () =>
        {
            var all = new Dictionary<PlacedOrder, JsonElement>();
            foreach (var order in orders)
            {
                all[order] = await http.GetFromJsonAsync<JsonElement>($"{ordersUrl}/orders/{order.Id}", cancellationToken);
            }

            return new OrderStates(all);
        }, states => states.Settled, TimeSpan.FromMinutes(3), "every order to reach its provider-side state", cancellationToken)).All;

        var transitions = histories.Values.Sum(h => h.GetProperty("history").EnumerateArray().Count(e => e.GetProperty("outcome").GetString() != "unchanged"));
        var sent = await Eventually.ValueAsync(async () =>
        {
            var count = 0;
            foreach (var order in orders)
            {
                var list = await operations.GetFromJsonAsync<JsonElement>($"{notificationsUrl}/notifications?orderId={order.Id}", cancellationToken);
                var items = list.ValueKind == JsonValueKind.Array ? list : list.GetProperty("items");
                count += items.EnumerateArray().Count(n => n.GetProperty("state").GetString() == "sent");
            }

            return count;
        }, count => count >= transitions, TimeSpan.FromMinutes(2), "an email for every order transition", cancellationToken);

        using var controls = PaymentsSystem.SimulatorControls();
        var deliveries = await controls.GetFromJsonAsync<JsonElement>($"{system.Simulator.BaseUrl}/sim/deliveries", cancellationToken);
        var items = deliveries.ValueKind == JsonValueKind.Array ? deliveries : deliveries.GetProperty("items");
        string[] handled = ["payment_intent.succeeded", "payment_intent.payment_failed", "charge.refunded"];
        var acknowledged = items.EnumerateArray()
            .Where(d => d.GetProperty("state").GetString() == "delivered" && handled.Contains(d.GetProperty("event_type").GetString()))
            .Select(d => d.GetProperty("event_id").GetString()!).Distinct().ToList();
        var recorded = histories.Values.SelectMany(h => h.GetProperty("history").EnumerateArray())
            .Where(e => e.GetProperty("source").GetString() == "stripe").Select(e => e.GetProperty("providerEventId").GetString()!).ToList();

        var emails = await system.Smtp.MessagesAsync(cancellationToken);
        return new Outcome
        {
            Orders = orders.Count,
            Mismatched = [.. histories.Where(p => p.Value.GetProperty("status").GetString() != p.Key.ExpectedStatus).Select(p => (p.Key, p.Value.GetProperty("status").GetString()!))],
            WebhooksAcknowledged = acknowledged.Count,
            AcknowledgedButNotRecorded = [.. acknowledged.Except(recorded)],
            RecordedTwice = [.. recorded.GroupBy(e => e).Where(g => g.Count() > 1).Select(g => g.Key)],
            Transitions = transitions,
            NotificationsSent = sent,
            EmailsReceived = emails.Count,
            DistinctMessageIds = emails.Select(e => e.MessageId).Distinct().Count(),
            RecoveredByReconciliation = histories.Values.Count(h => h.GetProperty("history").EnumerateArray()
                .Any(e => e.GetProperty("source").GetString() == "reconciliation" && e.GetProperty("outcome").GetString() == "applied")),
        };
    }
}

/// <summary>Orders as Orders reports them; a timeout shows the ones not (yet) in their provider-side state.</summary>
internal sealed record OrderStates(Dictionary<PlacedOrder, JsonElement> All)
{
    public bool Settled => All.All(p => p.Value.GetProperty("status").GetString() == p.Key.ExpectedStatus);

    public override string ToString() => string.Join("; ", All
        .Where(p => p.Value.GetProperty("status").GetString() != p.Key.ExpectedStatus)
        .Select(p => $"{p.Key.Id} expected {p.Key.ExpectedStatus}: {p.Value}"));
}
