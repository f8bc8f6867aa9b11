using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Payments.Cli.Api;

/// <summary>The Operations API (services/Payments.Operations/README.md) over one HttpClient carrying the operator's token.</summary>
public sealed class OperationsClient : IDisposable
{
    private readonly HttpClient http;

    public OperationsClient(Uri baseUri, string token)
    {
        http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(100) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public Task<T> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    public Task<T> PostAsync<T>(string path, object? body, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body, options: Json.Options) }, cancellationToken);

    /// <summary>GET that answers null on 404 (a lookup that found nothing is not a failure of the call).</summary>
    public async Task<T?> FindAsync<T>(string path, CancellationToken cancellationToken) where T : class
    {
        try
        {
            return await GetAsync<T>(path, cancellationToken);
        }
        catch (ApiException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            var described = $"{request.Method} {new Uri(http.BaseAddress!, request.RequestUri!)}";
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new ApiException(response.StatusCode, described, Problem.TryParse(body), body);
            }

            try
            {
                return JsonSerializer.Deserialize<T>(string.IsNullOrWhiteSpace(body) ? "null" : body, Json.Options)
                    ?? throw new ApiException(response.StatusCode, described, null, "an empty answer");
            }
            catch (JsonException e)
            {
                throw new ApiException(response.StatusCode, described, null, $"an answer that is not the expected JSON ({e.Message})");
            }
        }
    }

    public void Dispose() => http.Dispose();
}
