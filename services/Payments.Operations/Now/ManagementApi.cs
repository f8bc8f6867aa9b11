using System.Text.Json;

namespace Payments.Operations.Now;

/// <summary>RabbitMQ's management HTTP API (`GET /api/queues`), as the operations user.</summary>
public sealed class ManagementApi(HttpClient http, TimeProvider time)
{
    public async Task<List<QueueDepth>> QueuesAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(
            "api/queues?columns=name,messages,messages_ready,messages_unacknowledged,consumers,head_message_timestamp", cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var now = time.GetUtcNow();
        var queues = new List<QueueDepth>();
        foreach (var queue in document.RootElement.EnumerateArray())
        {
            double? age = queue.TryGetProperty("head_message_timestamp", out var head) && head.ValueKind == JsonValueKind.Number
                ? Math.Max(0, (now - DateTimeOffset.FromUnixTimeSeconds(head.GetInt64())).TotalSeconds)
                : null;
            queues.Add(new QueueDepth(queue.GetProperty("name").GetString()!, Number(queue, "messages"), Number(queue, "messages_ready"),
                Number(queue, "messages_unacknowledged"), (int)Number(queue, "consumers"), age, age is null ? null : QueueAges.FromBroker));
        }

        return [.. queues.OrderBy(q => q.Name, StringComparer.Ordinal)];
    }

    // A queue the broker has not sampled yet has no counters at all.
    private static long Number(JsonElement queue, string name) =>
        queue.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;
}
