using System.Net;
using System.Net.Http.Json;

namespace Payments.Operations.ServiceApis;

/// <summary>A read of an owning service's record: null when it answers 404, an exception for any other failure.</summary>
internal static class StoryCalls
{
    public static async Task<T?> GetOrNullAsync<T>(HttpClient http, string path, CancellationToken cancellationToken) where T : class
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{http.BaseAddress}{path} answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        return await response.Content.ReadFromJsonAsync<T>(cancellationToken);
    }
}
