namespace Payments.Reconciliation.Endpoints;

/// <summary>
/// Compares what we expect of one source with what the provider lists. Only an endpoint with our exact URL can be
/// ok; one tagged with our source (<see cref="RegisteredEndpoint.SourceKey"/>) or on our URL's path under another
/// address is url_mismatch, since the provider then calls somewhere we do not listen.
/// </summary>
public static class EndpointVerdict
{
    public static (string Status, IReadOnlyList<string> MissingEvents) Decide(
        string source, string url, IReadOnlyList<string> events, IReadOnlyList<RegisteredEndpoint> registered)
    {
        var exact = registered.Where(e => string.Equals(e.Url, url, StringComparison.Ordinal)).ToList();
        if (exact.Count == 0)
        {
            var path = PathOf(url);
            var ours = registered.Any(e => (e.Metadata?.TryGetValue(RegisteredEndpoint.SourceKey, out var tag) == true && tag == source)
                                           || (path is not null && PathOf(e.Url) == path));
            return (ours ? EndpointStatus.UrlMismatch : EndpointStatus.Missing, []);
        }

        var enabled = exact.Where(e => e.IsEnabled).ToList();
        if (enabled.Count == 0)
        {
            return (EndpointStatus.Disabled, []);
        }

        var fewestMissing = enabled.Select(e => events.Where(t => !e.Covers(t)).ToList()).MinBy(m => m.Count)!;
        return fewestMissing.Count == 0 ? (EndpointStatus.Ok, []) : (EndpointStatus.EventsMissing, fewestMissing);
    }

    private static string? PathOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : null;
}
