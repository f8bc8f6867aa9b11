using System.Net;
using System.Text.Json;

namespace Payments.Reconciliation.Providers;

/// <summary>One HTTP exchange with a provider, its answer sorted into found, not found, transient or refused.</summary>
internal static class ProviderHttp
{
    /// <summary>The body is JSON in UTF-8 (RFC 8259), of at most <paramref name="maxResponseBytes"/>.</summary>
    /// <returns>The body, or null for a 404 (the provider does not know the thing asked about).</returns>
    public static async Task<T?> SendAsync<T>(
        HttpClient http, HttpRequestMessage request, JsonSerializerOptions json, long maxResponseBytes, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
        {
            throw new ProviderUnavailableException(
                $"{request.Method} {request.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}.", response.StatusCode, RetryAfter(response));
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new ProviderRejectedException($"{request.Method} {request.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}.");
        }

        var body = await BoundedBody.ReadAsync(response.Content, maxResponseBytes, request.RequestUri?.AbsolutePath ?? "", cancellationToken);
        try
        {
            return JsonSerializer.Deserialize<T>(body, json)
                ?? throw new ProviderRejectedException($"{request.RequestUri?.AbsolutePath} answered an empty body.");
        }
        catch (JsonException ex)
        {
            throw new ProviderRejectedException($"{request.RequestUri?.AbsolutePath} answered JSON we cannot read: {ex.Message}", ex);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };
}
