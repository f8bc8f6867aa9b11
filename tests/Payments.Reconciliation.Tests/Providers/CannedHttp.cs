using System.Net;
using System.Text;

namespace Payments.Reconciliation.Tests.Providers;

/// <summary>An HTTP handler answering from a table of path → (status, JSON body), recording what was asked.</summary>
public sealed class CannedHttp(Dictionary<string, (HttpStatusCode Status, string Body)> answers) : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var (status, body) = answers.GetValueOrDefault(request.RequestUri!.PathAndQuery, (HttpStatusCode.NotFound, """{"error":{"type":"invalid_request_error"}}"""));
        return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
