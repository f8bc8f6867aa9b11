using System.Net.Http.Json;
using System.Text.Json;
using Payments.Compose.Tests.Compose;
using Payments.Testing;
using Payments.Testing.Load;

namespace Payments.Compose.Tests.Driving;

/// <summary>What the system did, read back from the Orders and Notifications APIs, the simulator and Mailpit, once settled.</summary>
public sealed class ApiOutcome
{
    public required int Orders { get; init; }

    public required List<(PlacedOrder Order, string Status)> Mismatched { get; init; }

    public required int WebhooksAcknowledged { get; init; }

    public required List<string> AcknowledgedButNotRecorded { get; init; }

    /// <summary>Orders that made the same move twice (paid twice, say): a duplicate effect, whichever events caused it.</summary>
    public required List<string> RepeatedTransitions { get; init; }

    /// <summary>Orders whose customer got a different number of distinct emails than the order made transitions.</summary>
    public required List<string> EmailsNotOnePerTransition { get; init; }

    public required int Transitions { get; init; }

    public required int NotificationsSent { get; init; }

    public required int EmailsReceived { get; init; }

    public required int DistinctMessageIds { get; init; }

    public override string ToString() =>
        $"orders {Orders}, not in the provider's state {Mismatched.Count}; webhooks acknowledged {WebhooksAcknowledged}, lost {AcknowledgedButNotRecorded.Count}, " +
        $"orders moved twice the same way {RepeatedTransitions.Count}; order transitions {Transitions}; notifications sent {NotificationsSent}; " +
        $"emails in Mailpit {EmailsReceived} ({DistinctMessageIds} distinct Message-IDs; orders whose emails differ from their transitions {EmailsNotOnePerTransition.Count})";

    public static async Task<ApiOutcome> SettleAsync(SystemApis apis, IReadOnlyCollection<PlacedOrder> orders, CancellationToken cancellationToken)
    {
        using var http = ComposeTokens.ClientHttp(TimeSpan.FromSeconds(10));
        using var operations = ComposeTokens.OperatorHttp(TimeSpan.FromSeconds(10));

        var histories = await Settling.OrdersAsync(http, apis.OrdersUrl, orders, cancellationToken);
        var transitions = Settling.Transitions(histories);
        var sent = await Settling.SentAsync(operations, apis.NotificationsUrl, orders, transitions, cancellationToken);
        var emails = await Eventually.ValueAsync(() => apis.Mailpit.MessagesAsync(cancellationToken),
            messages => messages.Select(m => m.MessageId).Distinct().Count() >= transitions, TimeSpan.FromMinutes(1),
            "Mailpit to hold an email for every order transition", cancellationToken);

        using var controls = Provider.ControlsClient(TimeSpan.FromSeconds(10));
        var items = Settling.Items(await controls.GetFromJsonAsync<JsonElement>($"{apis.Provider.Url}/sim/deliveries", cancellationToken));
        string[] handled = ["payment_intent.succeeded", "payment_intent.payment_failed", "charge.refunded"];
        var acknowledged = items.EnumerateArray()
            .Where(d => d.GetProperty("state").GetString() == "delivered" && handled.Contains(d.GetProperty("event_type").GetString()))
            .Select(d => d.GetProperty("message_id").GetString()!).Distinct().ToList();
        var applied = histories.ToDictionary(p => p.Key, p => p.Value.GetProperty("history").EnumerateArray()
            .Where(e => e.GetProperty("outcome").GetString() != "unchanged").Select(e => e.GetProperty("toStatus").GetString()!).ToList());
        var emailsPerOrder = applied.Keys.ToDictionary(order => order,
            order => emails.Where(e => e.To.Contains(order.Email, StringComparer.OrdinalIgnoreCase)).Select(e => e.MessageId).Distinct().Count());
        var recorded = histories.Values.SelectMany(h => h.GetProperty("history").EnumerateArray())
            .Where(e => e.GetProperty("source").GetString() == "stripe").Select(e => e.GetProperty("providerEventId").GetString()!).ToHashSet();

        return new ApiOutcome
        {
            Orders = orders.Count,
            Mismatched = [.. histories.Where(p => p.Value.GetProperty("status").GetString() != p.Key.ExpectedStatus).Select(p => (p.Key, p.Value.GetProperty("status").GetString()!))],
            WebhooksAcknowledged = acknowledged.Count,
            AcknowledgedButNotRecorded = [.. acknowledged.Except(recorded)],
            RepeatedTransitions = [.. applied.Where(p => p.Value.Distinct().Count() < p.Value.Count).Select(p => $"{p.Key.Id}: {string.Join(", ", p.Value)}")],
            EmailsNotOnePerTransition = [.. applied.Where(p => emailsPerOrder[p.Key] != p.Value.Count)
                .Select(p => $"{p.Key.Id}: {p.Value.Count} transitions, {emailsPerOrder[p.Key]} emails")],
            Transitions = transitions,
            NotificationsSent = sent,
            EmailsReceived = emails.Count,
            DistinctMessageIds = emails.Select(e => e.MessageId).Distinct().Count(),
        };
    }
}
