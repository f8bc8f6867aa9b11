namespace Payments.Reconciliation.Tests.Providers;

/// <summary>An HTTP handler answering the n-th call (from 1) with whatever the function builds, for answers a table cannot hold.</summary>
public sealed class AnsweringHttp(Func<int, HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(answer(Interlocked.Increment(ref _calls), request));
}
