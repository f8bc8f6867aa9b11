using System.Diagnostics;
using System.Net;
using Xunit;

namespace Payments.Testing.Health;

public static class Readiness
{
    /// <summary>Waits until <c>/health/ready</c> answers 2xx (schema migrated, broker connected): a host's start in a test.</summary>
    public static Task WaitUntilReadyAsync(HttpClient client, string service, TimeSpan? within = null) =>
        Eventually.TrueAsync(
            async () => (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode,
            within ?? TimeSpan.FromSeconds(60), $"{service} to become ready", TestContext.Current.CancellationToken);

    /// <summary>
    /// An orchestrator gives each probe a deadline of its own (often 1-5 s): asks <c>/health/ready</c>
    /// <paramref name="times"/> times and requires each answer to be <paramref name="expected"/> within <paramref name="deadline"/>.
    /// </summary>
    public static async Task ShouldAnswerPromptlyAsync(HttpClient client, HttpStatusCode expected, TimeSpan deadline, int times = 5, CancellationToken cancellationToken = default)
    {
        for (var probe = 0; probe < times; probe++)
        {
            var asked = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync("/health/ready", cancellationToken);
            var status = response.StatusCode;
            var took = Stopwatch.GetElapsedTime(asked);
            if (status != expected || took >= deadline)
                throw new InvalidOperationException(
                    $"Readiness probe {probe + 1} of {times} answered {(int)status} after {took.TotalMilliseconds:0} ms; expected {(int)expected} within {deadline.TotalMilliseconds:0} ms.");
        }
    }
}
