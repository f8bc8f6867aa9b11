using System.Globalization;

namespace Payments.ProviderSimulator.Stripe;

/// <summary>
/// Request parameters the way Stripe's API takes them (https://docs.stripe.com/api, "form-encoded request bodies",
/// and as its client libraries encode them): an application/x-www-form-urlencoded body or the query string, hashes
/// as name[key]=value, arrays as name[]=value or name[0]=value. Unknown parameters are ignored, so examples from Stripe's docs with options the
/// sandbox does not model (automatic_payment_methods[enabled]…) still work.
/// </summary>
internal sealed class StripeForm
{
    private static readonly object CacheKey = new();

    private readonly Dictionary<string, List<string>> _values;

    private StripeForm(Dictionary<string, List<string>> values) => _values = values;

    /// <summary>Query string and form body, read once per request (filters and the handler share it).</summary>
    public static async Task<StripeForm> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Items.TryGetValue(CacheKey, out var cached))
        {
            return (StripeForm)cached!;
        }

        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Query)
        {
            Add(values, name, value);
        }

        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(cancellationToken);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidRequestException(new StripeError("invalid_request_error", $"Invalid request body: {e.Message}"));
            }

            foreach (var (name, value) in form)
            {
                Add(values, name, value);
            }
        }
        else if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            throw new InvalidRequestException(new StripeError("invalid_request_error",
                $"Invalid request: the body must be application/x-www-form-urlencoded (got '{request.ContentType}')."));
        }

        var parsed = new StripeForm(values);
        request.HttpContext.Items[CacheKey] = parsed;
        return parsed;
    }

    /// <summary>A plain value; an empty value counts as absent, as Stripe treats "param=" for optional parameters.</summary>
    public string? String(string name) =>
        _values.TryGetValue(name, out var list) && list[^1] is { Length: > 0 } value ? value : null;

    public string RequiredString(string name) => String(name) ?? throw StripeErrors.Missing(name);

    public long? Integer(string name)
    {
        if (String(name) is not { } text)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw StripeErrors.Invalid(name, "parameter_invalid_integer", $"Invalid integer: {text}");
    }

    public long RequiredInteger(string name) => Integer(name) ?? throw StripeErrors.Missing(name);

    public bool? Boolean(string name) => String(name) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        var text => throw StripeErrors.Invalid(name, "parameter_invalid_boolean", $"Invalid boolean: {text}"),
    };

    /// <summary>name[key]=value pairs, e.g. metadata[order_id]=42 → {order_id: 42}.</summary>
    public IReadOnlyDictionary<string, string> Hash(string name)
    {
        var hash = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, list) in _values)
        {
            if (Subscript(key, name) is { Length: > 0 } sub && !sub.Contains('[', StringComparison.Ordinal))
            {
                hash[sub] = list[^1];
            }
        }

        return hash;
    }

    /// <summary>name[]=a&amp;name[]=b, or name[0]=a&amp;name[1]=b (what Stripe's libraries send), in order.</summary>
    public IReadOnlyList<string> Array(string name)
    {
        var indexed = new SortedDictionary<int, string>();
        var appended = new List<string>();
        foreach (var (key, list) in _values)
        {
            var sub = Subscript(key, name);
            if (sub == "")
            {
                appended.AddRange(list);
            }
            else if (int.TryParse(sub, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                indexed[index] = list[^1];
            }
        }

        return [.. indexed.Values, .. appended];
    }

    /// <summary>All parameters in a stable order, to tell whether a request repeats another one.</summary>
    public string Canonical() => string.Join('&', _values
        .OrderBy(pair => pair.Key, StringComparer.Ordinal)
        .Select(pair => Uri.EscapeDataString(pair.Key) + "=" + string.Join(',', pair.Value.Select(Uri.EscapeDataString))));

    private static void Add(Dictionary<string, List<string>> values, string name, Microsoft.Extensions.Primitives.StringValues value)
    {
        if (!values.TryGetValue(name, out var list))
        {
            values[name] = list = [];
        }

        foreach (var item in value)
        {
            list.Add(item ?? "");
        }
    }

    /// <summary>"key" for "name[key]", "" for "name[]", null when the parameter is not a subscript of name.</summary>
    private static string? Subscript(string key, string name) =>
        key.Length > name.Length + 1 && key.StartsWith(name, StringComparison.Ordinal) && key[name.Length] == '[' && key[^1] == ']'
            ? key[(name.Length + 1)..^1]
            : null;
}
