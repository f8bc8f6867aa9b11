namespace Payments.ServiceDefaults.Configuration;

/// <summary>
/// The payment provider's API as every caller of it configures it: Provider:BaseUrl, an absolute http(s) URL, and
/// Provider:ApiKey, which comes from the environment (Provider__ApiKey), never from a committed file.
/// </summary>
public static class ProviderAddress
{
    public const string Section = "Provider";

    /// <summary>Adds a message naming each wrong key to <paramref name="failures"/>.</summary>
    public static void Validate(string? baseUrl, string? apiKey, ICollection<string> failures)
    {
        if (string.IsNullOrEmpty(baseUrl))
        {
            failures.Add($"{Section}:BaseUrl is required (e.g. http://127.0.0.1:5090).");
        }
        else if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            failures.Add($"{Section}:BaseUrl must be an absolute URL.");
        }

        if (string.IsNullOrEmpty(apiKey))
        {
            failures.Add($"{Section}:ApiKey is required (environment variable {Section}__ApiKey).");
        }
    }
}
