using Microsoft.Net.Http.Headers;

namespace Payments.Operations.ServiceApis;

/// <summary>
/// Copies the caller's Authorization header onto the call to the owning service, so that service authorizes and audits
/// the operator, not Operations. Without a caller (no request in flight) nothing is added and the service answers 401.
/// </summary>
internal sealed class ForwardOperatorToken(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authorization = accessor.HttpContext?.Request.Headers[HeaderNames.Authorization].ToString();
        if (!string.IsNullOrEmpty(authorization))
        {
            request.Headers.Remove(HeaderNames.Authorization);
            request.Headers.TryAddWithoutValidation(HeaderNames.Authorization, authorization);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
