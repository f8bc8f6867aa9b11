using System.Text.Json;

namespace Payments.Ingress.Webhooks.Schemes.Common;

/// <summary>
/// Reads the fields of one JSON object during normalization. Each read either returns a usable value or records
/// why not under the field's path from the document root, so callers read everything, then check
/// <see cref="FieldErrors.Any"/> once. A JSON null counts as absent.
/// </summary>
internal readonly struct JsonFieldReader
{
    // The latest instant DateTimeOffset can represent (9999-12-31T23:59:59Z).
    private const long MaxUnixSeconds = 253_402_300_799;

    private readonly JsonElement element;
    private readonly string path;
    private readonly FieldErrors errors;

    private JsonFieldReader(JsonElement element, string path, FieldErrors errors)
    {
        this.element = element;
        this.path = path;
        this.errors = errors;
    }

    public static JsonFieldReader Root(JsonElement root, FieldErrors errors) => new(root, "", errors);

    public bool Has(string name) => TryGet(name, out _, out _);

    /// <summary>Records a problem with <paramref name="name"/> that only the caller can judge.</summary>
    public void Add(string name, string message) => errors.Add(PathOf(name), message);

    public JsonFieldReader? Object(string name)
    {
        if (!TryGetKind(name, JsonValueKind.Object, "an object", out var value))
        {
            return null;
        }

        return new JsonFieldReader(value, PathOf(name), errors);
    }

    /// <summary>A required, non-empty string.</summary>
    public string? String(string name)
    {
        if (!TryGetKind(name, JsonValueKind.String, "a string", out var value))
        {
            return null;
        }

        return Text(name, value);
    }

    /// <summary>A string that may be absent; when present it must be a non-empty string.</summary>
    public string? OptionalString(string name) => Has(name) ? String(name) : null;

    /// <summary>An identifier sent either as a string or as an integer (LiqPay's payment_id), as text.</summary>
    public string? StringOrInteger(string name)
    {
        if (!TryGet(name, out var value, out var unreadable))
        {
            AddMissing(name, unreadable);
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return Text(name, value);
        }

        Add(name, "must be a string or an integer.");
        return null;
    }

    /// <summary>An amount in minor units: an integer, zero or more.</summary>
    public long? MinorUnits(string name)
    {
        if (!TryGetKind(name, JsonValueKind.Number, "an integer", out var value))
        {
            return null;
        }

        if (!value.TryGetInt64(out var amount) || amount < 0)
        {
            Add(name, "must be a non-negative integer amount in minor units.");
            return null;
        }

        return amount;
    }

    /// <summary>An amount in major units (12.34): a decimal number, zero or more.</summary>
    public decimal? MajorUnits(string name)
    {
        if (!TryGetKind(name, JsonValueKind.Number, "a number", out var value))
        {
            return null;
        }

        if (!value.TryGetDecimal(out var amount) || amount < 0)
        {
            Add(name, "must be a non-negative decimal amount.");
            return null;
        }

        return amount;
    }

    /// <summary>An ISO 4217 code in any case, returned upper case.</summary>
    public string? Currency(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        if (!Iso4217.TryNormalize(text, out var code))
        {
            Add(name, "must be a three-letter ISO 4217 currency code.");
            return null;
        }

        return code;
    }

    public DateTimeOffset? UnixSeconds(string name) => UnixTime(name, MaxUnixSeconds, "seconds", DateTimeOffset.FromUnixTimeSeconds);

    public DateTimeOffset? UnixMilliseconds(string name) =>
        UnixTime(name, (MaxUnixSeconds * 1000) + 999, "milliseconds", DateTimeOffset.FromUnixTimeMilliseconds);

    /// <summary>An RFC 3339 date-time; the offset is mandatory, or the instant would depend on our server's zone.</summary>
    public DateTimeOffset? Rfc3339(string name)
    {
        if (!TryGetKind(name, JsonValueKind.String, "a string", out var value))
        {
            return null;
        }

        var text = Text(name, value);
        if (text is null)
        {
            return null;
        }

        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (!hasOffset || !value.TryGetDateTimeOffset(out var instant))
        {
            Add(name, "must be an RFC 3339 date-time with an offset, e.g. 2024-05-01T12:00:00Z.");
            return null;
        }

        return instant;
    }

    private DateTimeOffset? UnixTime(string name, long max, string unit, Func<long, DateTimeOffset> convert)
    {
        if (!TryGetKind(name, JsonValueKind.Number, "an integer", out var value))
        {
            return null;
        }

        if (!value.TryGetInt64(out var number) || number < 0 || number > max)
        {
            Add(name, $"must be a Unix time in {unit}.");
            return null;
        }

        return convert(number);
    }

    /// <summary>
    /// An object with a property name the parser accepts but cannot decode (an escaped lone surrogate) cannot be
    /// searched at all; that is reported once against the object and every lookup in it then finds nothing.
    /// </summary>
    private bool TryGet(string name, out JsonElement value, out bool unreadable)
    {
        unreadable = false;
        try
        {
            return element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
        }
        catch (InvalidOperationException)
        {
            value = default;
            unreadable = true;
            errors.Add(path.Length == 0 ? FieldErrors.DocumentPath : path, "has a property name that is not valid Unicode text.");
            return false;
        }
    }

    private void AddMissing(string name, bool unreadable)
    {
        if (!unreadable)
        {
            Add(name, "is required.");
        }
    }

    private bool TryGetKind(string name, JsonValueKind kind, string description, out JsonElement value)
    {
        if (!TryGet(name, out value, out var unreadable))
        {
            AddMissing(name, unreadable);
            return false;
        }

        if (value.ValueKind != kind)
        {
            Add(name, $"must be {description}.");
            return false;
        }

        return true;
    }

    private string? Text(string name, JsonElement value)
    {
        string? text;
        try
        {
            text = value.GetString();
        }
        catch (InvalidOperationException)
        {
            // The parser accepts string escapes it cannot turn into UTF-16 (a lone surrogate, invalid UTF-8).
            Add(name, "must be valid UTF-8 text.");
            return null;
        }

        if (string.IsNullOrEmpty(text))
        {
            Add(name, "must not be empty.");
            return null;
        }

        return text;
    }

    private string PathOf(string name) => path.Length == 0 ? name : $"{path}.{name}";
}
