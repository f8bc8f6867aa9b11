using System.Net;
using System.Net.Http.Headers;

namespace Payments.Reconciliation.Tests.Providers;

/// <summary>An HTTP handler answering the n-th call (from 1) with the status the script gives, optionally slowly or with a Retry-After.</summary>
public sealed class ScriptedProvider(Func<int, HttpStatusCode> script, TimeSpan? delay = null, TimeSpan? retryAfter = null) : HttpMessageHandler
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        if (delay is { } wait)
        {
            await Task.Delay(wait, cancellationToken);
        }

        var response = new HttpResponseMessage(script(call)) { Content = new StringContent("{}") };
        if (retryAfter is { } after && response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            response.Headers.RetryAfter = new RetryConditionHeaderValue(after);
        }

        return response;
    }
}
