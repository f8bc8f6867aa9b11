using System.Collections.Concurrent;

namespace Payments.Bench.Reconciliation;

/// <summary>What the housekeeping pass asked the provider: HTTP requests, and which payment intents.</summary>
internal sealed class ProviderCalls
{
    private int _requests;

    public ConcurrentDictionary<string, int> IntentsAsked { get; } = new(StringComparer.Ordinal);

    public int Requests => _requests;

    public void Reset()
    {
        _requests = 0;
        IntentsAsked.Clear();
    }

    public void Count(string path)
    {
        const string intentPath = "/v1/payment_intents/";
        Interlocked.Increment(ref _requests);
        if (path.StartsWith(intentPath, StringComparison.Ordinal))
        {
            IntentsAsked.AddOrUpdate(path[intentPath.Length..], 1, (_, n) => n + 1);
        }
    }
}
