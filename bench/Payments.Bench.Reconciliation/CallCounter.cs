namespace Payments.Bench.Reconciliation;

/// <summary>Sits in the Stripe client's handler chain (a new one per chain, as IHttpClientFactory requires).</summary>
internal sealed class CallCounter(ProviderCalls calls) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        calls.Count(request.RequestUri!.AbsolutePath);
        return base.SendAsync(request, cancellationToken);
    }
}
