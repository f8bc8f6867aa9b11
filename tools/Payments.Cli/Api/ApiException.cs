using System.Net;

namespace Payments.Cli.Api;

/// <summary>The Operations service answered with an error; <see cref="Problem"/> is its problem details when it sent them.</summary>
public sealed class ApiException(HttpStatusCode status, string request, Problem? problem, string? body)
    : Exception($"{request} answered {(int)status} {status}")
{
    public HttpStatusCode Status { get; } = status;
    public string Request { get; } = request;
    public Problem? Problem { get; } = problem;
    public string? Body { get; } = body;
}
