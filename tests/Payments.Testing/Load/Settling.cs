using System.Net.Http.Json;
using System.Text.Json;

namespace Payments.Testing.Load;

/// <summary>
/// How a ledger waits for the system to settle, whether it runs as processes (<see cref="Outcome"/>) or as containers
/// (the compose tests): every order in its provider-side state, then an email sent for each transition the orders made.
/// </summary>
public static class Settling
{
    /// <summary>Each order as Orders reports it, once all are in their provider-side state (three minutes at most).</summary>
    public static async Task<Dictionary<PlacedOrder, JsonElement>> OrdersAsync(HttpClient http, string ordersUrl, IReadOnlyCollection<PlacedOrder> orders, CancellationToken cancellationToken) =>
        (await Eventually.ValueAsync(async () =>
        {
            var all = new Dictionary<PlacedOrder, JsonElement>();
            foreach (var order in orders)
            {
                all[order] = await http.GetFromJsonAsync<JsonElement>($"{ordersUrl}/orders/{order.Id}", cancellationToken);
            }

            return new OrderStates(all);
        }, states => states.Settled, TimeSpan.FromMinutes(3), "every order to reach its provider-side state", cancellationToken)).All;

    /// <summary>The moves the orders made: history entries that changed something.</summary>
    public static int Transitions(IReadOnlyDictionary<PlacedOrder, JsonElement> histories) =>
        histories.Values.Sum(h => h.GetProperty("history").EnumerateArray().Count(e => e.GetProperty("outcome").GetString() != "unchanged"));

    /// <summary>The notifications Notifications reports sent for these orders, once they are at least <paramref name="transitions"/>.</summary>
    public static Task<int> SentAsync(HttpClient operations, string notificationsUrl, IReadOnlyCollection<PlacedOrder> orders, int transitions, CancellationToken cancellationToken) =>
        Eventually.ValueAsync(async () =>
        {
            var count = 0;
            foreach (var order in orders)
            {
                var list = await operations.GetFromJsonAsync<JsonElement>($"{notificationsUrl}/notifications?orderId={order.Id}", cancellationToken);
                count += Items(list).EnumerateArray().Count(n => n.GetProperty("state").GetString() == "sent");
            }

            return count;
        }, count => count >= transitions, TimeSpan.FromMinutes(2), "an email sent for every order transition", cancellationToken);

    /// <summary>A list answer's items, whether it is a bare array or a page.</summary>
    public static JsonElement Items(JsonElement list) => list.ValueKind == JsonValueKind.Array ? list : list.GetProperty("items");
}
