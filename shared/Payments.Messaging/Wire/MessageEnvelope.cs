using System.Text.Json;

namespace Payments.Messaging.Wire;

/// <summary>
/// Writes MassTransit's JSON envelope (application/vnd.masstransit+json) around an already serialized message,
/// so the same code serves the ingress (fresh events) and the outbox relay (stored message bodies).
/// </summary>
public static class MessageEnvelope
{
    public const string ContentType = "application/vnd.masstransit+json";

    public static byte[] Write(
        string messageId,
        string messageTypeUrn,
        ReadOnlySpan<byte> messageJson,
        IReadOnlyDictionary<string, string>? headers,
        DateTimeOffset sentTime,
        string? conversationId = null)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(messageJson.Length + 512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("messageId", messageId);
            writer.WriteString("conversationId", conversationId ?? messageId);
            writer.WriteString("destinationAddress", "exchange:" + MessageUrn.ExchangeFor(messageTypeUrn));
            writer.WriteStartArray("messageType");
            writer.WriteStringValue(messageTypeUrn);
            writer.WriteEndArray();
            writer.WritePropertyName("message");
            writer.WriteRawValue(messageJson, skipInputValidation: true);
            writer.WriteString("sentTime", sentTime);
            writer.WriteStartObject("headers");
            if (headers is not null)
            {
                foreach (var (key, value) in headers)
                {
                    writer.WriteString(key, value);
                }
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
