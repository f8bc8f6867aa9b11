using System.Collections;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Payments.Messaging.Wire;
using RabbitMQ.Client;

namespace Payments.Operations.DeadLetters;

/// <summary>
/// Turns a delivery from an error queue into a <see cref="CapturedDeadLetter"/>: AMQP headers as text, MassTransit's
/// fault headers (MT-Reason, MT-Fault-*) lifted out, and the order and payment ids read from the JSON envelope's message.
/// </summary>
public static class DeadLetterCapture
{
    public static CapturedDeadLetter From(string queue, IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body)
    {
        var headers = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in properties.Headers ?? new Dictionary<string, object?>())
        {
            headers[key] = Text(value);
        }

        var props = new SortedDictionary<string, string?>(StringComparer.Ordinal)
        {
            ["messageId"] = properties.MessageId,
            ["correlationId"] = properties.CorrelationId,
            ["contentType"] = properties.ContentType,
            ["type"] = properties.Type,
            ["deliveryMode"] = ((int)properties.DeliveryMode).ToString(CultureInfo.InvariantCulture),
        };
        var (messageType, orderId, paymentId) = ReadEnvelope(body.Span);
        var failedAt = DateTimeOffset.TryParse(headers.GetValueOrDefault(FaultHeaders.Timestamp), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null;
        var dedup = properties.MessageId is { Length: > 0 } id
            ? $"{id}|{headers.GetValueOrDefault(FaultHeaders.Timestamp)}"
            : "sha256:" + Convert.ToHexString(SHA256.HashData(body.Span));
        return new CapturedDeadLetter(queue, dedup, properties.MessageId, messageType, properties.ContentType, headers, props, body.ToArray(),
            headers.GetValueOrDefault(FaultHeaders.Reason), headers.GetValueOrDefault(FaultHeaders.Message), headers.GetValueOrDefault(FaultHeaders.ExceptionType),
            headers.GetValueOrDefault(FaultHeaders.InputAddress), failedAt, orderId, paymentId);
    }

    /// <summary>AMQP long strings arrive as bytes; tables and arrays are written as JSON-ish text.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        AmqpTimestamp timestamp => DateTimeOffset.FromUnixTimeSeconds(timestamp.UnixTime).ToString("O", CultureInfo.InvariantCulture),
        IDictionary dictionary => "{" + string.Join(", ", dictionary.Keys.Cast<object>().Select(k => $"{k}: {Text(dictionary[k])}")) + "}",
        IEnumerable list and not string => "[" + string.Join(", ", list.Cast<object?>().Select(Text)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>MassTransit's envelope: messageType[0] is "urn:message:Namespace:Type"; message holds the contract.</summary>
    private static (string? MessageType, string? OrderId, string? PaymentId) ReadEnvelope(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, null);
            }

            string? type = null;
            if (root.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array && types.GetArrayLength() > 0)
            {
                var urn = types[0].GetString();
                type = urn?[(urn.LastIndexOf(':') + 1)..];
            }

            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? m : root;
            return (type, Property(message, "orderId"), Property(message, "paymentId") ?? Property(message, "providerPaymentId"));
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }

    private static string? Property(JsonElement message, string name)
    {
        foreach (var property in message.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    _ => property.Value.GetRawText(),
                };
            }
        }

        return null;
    }
}
