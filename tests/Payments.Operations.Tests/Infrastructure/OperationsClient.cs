using System.Net.Http.Json;
using Payments.Operations.DeadLetters;

namespace Payments.Operations.Tests.Infrastructure;

/// <summary>The dead-letter API as an operator calls it.</summary>
public static class OperationsClient
{
    public static async Task<DeadLetterPage> DeadLettersAsync(this HttpClient client, string query = "")
    {
        using var response = await client.GetAsync(new Uri("/api/dead-letters" + query, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<DeadLetterPage>())!;
    }

    public static async Task<DeadLetterDetail> DeadLetterAsync(this HttpClient client, long id) =>
        (await client.GetFromJsonAsync<DeadLetterDetail>(new Uri($"/api/dead-letters/{id}", UriKind.Relative)))!;

    public static async Task<int> ReplayAsync(this HttpClient client, object request)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/dead-letters/replay", UriKind.Relative), request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ReplayResult>())!.Replayed;
    }

    /// <summary>Waits until the dead letters matching the query number <paramref name="count"/>.</summary>
    public static Task<DeadLetterPage> DeadLettersAsync(this HttpClient client, string query, int count, TimeSpan? timeout = null) =>
        Payments.Testing.Eventually.ValueAsync(() => client.DeadLettersAsync(query), page => page.Total == count,
            timeout ?? TimeSpan.FromSeconds(30), $"{count} dead letters for {query}", TestContext.Current.CancellationToken);
}
