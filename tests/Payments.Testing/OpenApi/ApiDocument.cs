using System.Net;
using System.Text.Json;

namespace Payments.Testing.OpenApi;

/// <summary>A service's OpenAPI document as served at /openapi/v1.json, read as JSON (what a client generator reads).</summary>
public sealed class ApiDocument(JsonElement root)
{
    public const string Path = "/openapi/v1.json";

    public JsonElement Root => root;

    /// <summary>Fetches the document anonymously (whatever headers the client carries are removed for the call).</summary>
    public static async Task<ApiDocument> FetchAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Path, UriKind.Relative));
        request.Headers.Authorization = null;
        using var response = await client.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"GET {Path} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
        }

        return new ApiDocument(JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.Clone());
    }

    /// <summary>Every operation as "METHOD /path", e.g. "POST /orders".</summary>
    public IReadOnlyList<string> Operations =>
    [
        .. root.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch")
            .Select(o => $"{o.Name.ToUpperInvariant()} {path.Name}")),
    ];

    public JsonElement Operation(string method, string path) =>
        root.GetProperty("paths").GetProperty(path).GetProperty(method.ToLowerInvariant());

    /// <summary>The scopes (policies) an operation's bearer requirement lists; null when it has no bearer requirement.</summary>
    public IReadOnlyList<string>? BearerScopes(string method, string path) =>
        Operation(method, path).TryGetProperty("security", out var security)
            ? security.EnumerateArray().Where(r => r.TryGetProperty("Bearer", out _))
                .Select(r => r.GetProperty("Bearer").EnumerateArray().Select(s => s.GetString()!).ToList())
                .FirstOrDefault()
            : null;

    /// <summary>The status codes an operation documents, e.g. "202", "401".</summary>
    public IReadOnlyList<string> Responses(string method, string path) =>
        [.. Operation(method, path).GetProperty("responses").EnumerateObject().Select(r => r.Name)];

    /// <summary>The declared bearer scheme's (type, scheme, bearerFormat), or null when none is declared.</summary>
    public (string? Type, string? Scheme, string? Format)? BearerScheme =>
        root.TryGetProperty("components", out var components)
        && components.TryGetProperty("securitySchemes", out var schemes)
        && schemes.TryGetProperty("Bearer", out var bearer)
            ? (Text(bearer, "type"), Text(bearer, "scheme"), Text(bearer, "bearerFormat"))
            : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() : null;
}
