using System.Net.Http.Json;
using System.Text.Json;
using Payments.ServiceDefaults.Security;
using Payments.Testing.Security;

namespace Payments.Testing.Load;

/// <summary>What the system did, read back from its own APIs and the SMTP server, once it has settled.</summary>
public sealed class Outcome
{
    public required int Orders { get; init; }

    /// <summary>The same ledger per source the load paid through.</summary>
    public required IReadOnlyList<SourceLedger> PerSource { get; init; }

    public required List<(PlacedOrder Order, string Status)> Mismatched { get; init; }

    public required int WebhooksAcknowledged { get; init; }

    public required List<string> AcknowledgedButNotRecorded { get; init; }

    /// <summary>Orders that made the same move twice (paid twice, say): a duplicate effect, whichever events caused it.</summary>
    public required List<string> RepeatedTransitions { get; init; }

    /// <summary>Orders whose customer got a different number of distinct emails than the order made transitions.</summary>
    public required List<string> EmailsNotOnePerTransition { get; init; }

    /// <summary>Orders for which OrderPaid was published under more than one message id (a relay's redelivery keeps its id).</summary>
    public required List<string> OrderPaidPublishedTwice { get; init; }

    /// <summary>Orders that became paid without an OrderPaid published.</summary>
    public required List<string> PaidWithoutOrderPaid { get; init; }

    public required int OrderPaidPublished { get; init; }

    public required int Transitions { get; init; }

    /// <summary>Webhooks the provider dropped (never sent, never retried) and sent twice, by its own count.</summary>
    public required int Dropped { get; init; }

    public required int Duplicated { get; init; }

    /// <summary>Orders whose final event reached no receiver at all: only reconciliation can have moved them.</summary>
    public required int FinalEventDropped { get; init; }

    /// <summary>Of <see cref="FinalEventDropped"/>, the orders that reconciliation did not move to their final state.</summary>
    public required List<string> DroppedNotRecovered { get; init; }

    public required int NotificationsSent { get; init; }

    public required int EmailsReceived { get; init; }

    public required int DistinctMessageIds { get; init; }

    public required int RecoveredByReconciliation { get; init; }

    public override string ToString() =>
        $"orders {Orders}, not in the provider's state {Mismatched.Count}; webhooks acknowledged {WebhooksAcknowledged}, lost {AcknowledgedButNotRecorded.Count}, " +
        $"orders moved twice the same way {RepeatedTransitions.Count}; order transitions {Transitions}; OrderPaid published {OrderPaidPublished} " +
        $"(twice for an order {OrderPaidPublishedTwice.Count}, missing {PaidWithoutOrderPaid.Count}); notifications sent {NotificationsSent}; emails received {EmailsReceived} " +
        $"({DistinctMessageIds} distinct Message-IDs; orders whose emails differ from their transitions {EmailsNotOnePerTransition.Count}); " +
        $"webhooks dropped {Dropped}, duplicated {Duplicated}; orders whose final webhook was dropped {FinalEventDropped}, not recovered {DroppedNotRecovered.Count}; " +
        $"orders recovered by reconciliation {RecoveredByReconciliation}" +
        string.Concat(PerSource.Select(l => Environment.NewLine + "  " + l));

    public static async Task<Outcome> SettleAsync(PaymentsSystem system, IReadOnlyCollection<PlacedOrder> orders, PublishedTap orderPaid, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = TestTokens.Bearer(ApiAudiences.Orders, Scopes.OrdersRead);
        using var operations = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        operations.DefaultRequestHeaders.Authorization = TestTokens.Bearer(ApiAudiences.Notifications, Scopes.PaymentsOps);
        var ordersUrl = system.Orders[0].BaseUrl;
        var notificationsUrl = system.Notifications[0].BaseUrl;

        var histories = await Settling.OrdersAsync(http, ordersUrl, orders, cancellationToken);
        var transitions = Settling.Transitions(histories);
        var sent = await Settling.SentAsync(operations, notificationsUrl, orders, transitions, cancellationToken);

        var emails = await system.Smtp.MessagesAsync(cancellationToken);
        var applied = histories.ToDictionary(p => p.Key, p => p.Value.GetProperty("history").EnumerateArray()
            .Where(e => e.GetProperty("outcome").GetString() != "unchanged").ToList());
        var repeated = applied.Where(p => p.Value.GroupBy(e => e.GetProperty("toStatus").GetString()).Any(g => g.Count() > 1))
            .ToDictionary(p => p.Key, p => string.Join(", ", p.Value.Select(e => e.GetProperty("toStatus").GetString())));
        var emailsPerOrder = applied.ToDictionary(p => p.Key,
            p => emails.Where(e => e.To.Contains(p.Key.Email, StringComparer.OrdinalIgnoreCase)).Select(e => e.MessageId).Distinct().Count());
        var recovered = histories.Where(p => p.Value.GetProperty("history").EnumerateArray()
            .Any(e => e.GetProperty("source").GetString() == "reconciliation" && e.GetProperty("outcome").GetString() == "applied")).Select(p => p.Key).ToHashSet();
        var published = (await orderPaid.DrainAsync(cancellationToken))
            .GroupBy(m => m.Message.GetProperty("orderId").GetGuid()).ToDictionary(g => g.Key, g => g.Select(m => m.MessageId).Distinct().Count());

        using var controls = PaymentsSystem.SimulatorControls();
        var ledgers = new List<SourceLedger>();
        var lost = new List<string>();
        var finalDropped = new List<PlacedOrder>();
        var acknowledgedCount = 0;
        var dropped = 0;
        var duplicated = 0;
        foreach (var source in system.Sources)
        {
            var mine = orders.Where(o => o.Source == source.Name).ToList();
            var deliveries = Settling.Items(await controls.GetFromJsonAsync<JsonElement>($"{source.Simulator.BaseUrl}/sim/deliveries", cancellationToken));
            var stats = await controls.GetFromJsonAsync<JsonElement>($"{source.Simulator.BaseUrl}/sim/stats", cancellationToken);
            var acknowledged = deliveries.EnumerateArray()
                .Where(d => d.GetProperty("state").GetString() == "delivered" && Handled.Contains(d.GetProperty("event_type").GetString()))
                .Select(d => d.GetProperty("message_id").GetString()!).Distinct().ToList();
            var recorded = histories.Values.SelectMany(h => h.GetProperty("history").EnumerateArray())
                .Where(e => e.GetProperty("source").GetString() == source.Name).Select(e => e.GetProperty("providerEventId").GetString()!).ToHashSet();
            var sourceLost = acknowledged.Where(id => !recorded.Contains(id)).Select(id => $"{source.Name} {id}").ToList();
            var sourceFinalDropped = mine.Where(o => FinalEventWasDropped(o, deliveries)).ToList();
            var sourceDropped = stats.GetProperty("dropped").GetInt32();
            var sourceDuplicated = stats.GetProperty("duplicated").GetInt32();
            ledgers.Add(new SourceLedger(
                source.Label,
                mine.Count,
                acknowledged.Count,
                sourceLost.Count,
                mine.Sum(o => applied[o].Count),
                mine.Count(repeated.ContainsKey),
                mine.Sum(o => emailsPerOrder[o]),
                mine.Count(o => emailsPerOrder[o] != applied[o].Count),
                sourceDropped,
                sourceDuplicated,
                sourceFinalDropped.Count,
                mine.Count(recovered.Contains)));
            lost.AddRange(sourceLost);
            finalDropped.AddRange(sourceFinalDropped);
            acknowledgedCount += acknowledged.Count;
            dropped += sourceDropped;
            duplicated += sourceDuplicated;
        }

        return new Outcome
        {
            Orders = orders.Count,
            PerSource = ledgers,
            Mismatched = [.. histories.Where(p => p.Value.GetProperty("status").GetString() != p.Key.ExpectedStatus).Select(p => (p.Key, p.Value.GetProperty("status").GetString()!))],
            WebhooksAcknowledged = acknowledgedCount,
            AcknowledgedButNotRecorded = lost,
            RepeatedTransitions = [.. repeated.Select(p => $"{p.Key.Id}: {p.Value}")],
            EmailsNotOnePerTransition = [.. applied.Where(p => emailsPerOrder[p.Key] != p.Value.Count)
                .Select(p => $"{p.Key.Id}: {p.Value.Count} transitions, {emailsPerOrder[p.Key]} emails")],
            OrderPaidPublished = published.Values.Sum(),
            OrderPaidPublishedTwice = [.. published.Where(p => p.Value > 1).Select(p => $"{p.Key}: {p.Value} message ids")],
            PaidWithoutOrderPaid = [.. applied.Where(p => p.Value.Any(e => e.GetProperty("toStatus").GetString() == "paid") && !published.ContainsKey(p.Key.Id))
                .Select(p => p.Key.Id.ToString())],
            Transitions = transitions,
            Dropped = dropped,
            Duplicated = duplicated,
            FinalEventDropped = finalDropped.Count,
            DroppedNotRecovered = [.. finalDropped.Where(o => !applied[o].Any(e => e.GetProperty("source").GetString() == "reconciliation"
                && e.GetProperty("toStatus").GetString() == o.ExpectedStatus)).Select(o => o.Id.ToString())],
            NotificationsSent = sent,
            EmailsReceived = emails.Count,
            DistinctMessageIds = emails.Select(e => e.MessageId).Distinct().Count(),
            RecoveredByReconciliation = recovered.Count,
        };
    }

    private static readonly string[] Handled = ["payment_intent.succeeded", "payment_intent.payment_failed", "charge.refunded"];

    /// <summary>Every delivery, to every receiver, of the event that takes the order to its final state was dropped.</summary>
    private static bool FinalEventWasDropped(PlacedOrder order, JsonElement deliveries)
    {
        var type = order.ExpectedStatus switch { "paid" => "payment_intent.succeeded", "refunded" => "charge.refunded", _ => "payment_intent.payment_failed" };
        var final = deliveries.EnumerateArray()
            .Where(d => d.GetProperty("payment_intent").GetString() == order.PaymentIntent && d.GetProperty("event_type").GetString() == type).ToList();
        return final.Count > 0 && final.All(d => d.GetProperty("state").GetString() == "dropped");
    }
}
