namespace Payments.Compose.Tests.Compose;

/// <summary>A service's health endpoints as an orchestrator reads them: the HTTP status, 0 when nothing answers.</summary>
public static class HealthProbe
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };

    public static Task<int> LiveAsync(string baseUrl, CancellationToken cancellationToken) => StatusAsync(baseUrl + "/health/live", cancellationToken);

    public static Task<int> ReadyAsync(string baseUrl, CancellationToken cancellationToken) => StatusAsync(baseUrl + "/health/ready", cancellationToken);

    private static async Task<int> StatusAsync(string url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync(url, cancellationToken);
            return (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
    }
}
