namespace Payments.Ingress.Webhooks.Schemes.Common;

/// <summary>
/// Problems found while reading a payload, keyed by JSON path ("data.object.amount"), collected so the sender's
/// developer sees every problem in one 400 answer instead of fixing them one retry at a time.
/// </summary>
internal sealed class FieldErrors
{
    /// <summary>The key used when the document as a whole is unusable (not JSON, not an object).</summary>
    public const string DocumentPath = "$";

    private Dictionary<string, string[]>? errors;

    public bool Any => errors is not null;

    public void Add(string path, string message)
    {
        errors ??= new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!errors.TryGetValue(path, out var existing))
        {
            errors[path] = [message];
        }
        else if (!existing.Contains(message))
        {
            errors[path] = [.. existing, message];
        }
    }

    public NormalizationResult ToMalformed(string detail) =>
        new NormalizationResult.Malformed(detail, errors ?? new Dictionary<string, string[]>());

    public static NormalizationResult Malformed(string detail, string path, string message)
    {
        var single = new FieldErrors();
        single.Add(path, message);
        return single.ToMalformed(detail);
    }
}
