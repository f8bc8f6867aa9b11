using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Payments.Ingress.Webhooks.Schemes.Common;

internal static class JsonPayload
{
    /// <summary>
    /// Parses a verified payload whose root must be an object. The caller disposes <paramref name="document"/>
    /// (it rents pooled buffers); when parsing fails <paramref name="malformed"/> says why, keyed "$".
    /// </summary>
    public static bool TryParse(
        ReadOnlyMemory<byte> payload,
        string detail,
        [NotNullWhen(true)] out JsonDocument? document,
        [NotNullWhen(false)] out NormalizationResult? malformed)
    {
        document = null;
        malformed = null;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            malformed = FieldErrors.Malformed(detail, FieldErrors.DocumentPath, "The payload is not valid JSON.");
            return false;
        }

        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        document.Dispose();
        document = null;
        malformed = FieldErrors.Malformed(detail, FieldErrors.DocumentPath, "The payload must be a JSON object.");
        return false;
    }
}
