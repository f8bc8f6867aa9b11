using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Payments.Messaging.Postgres;

/// <summary>
/// A request that needed the database while it is away (down, restarting, out of connections) is answered 503 with
/// Retry-After and problem+json: a client can retry; a 500 would say the request itself was wrong.
/// </summary>
internal sealed class DatabaseUnavailableHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (NpgsqlException { IsTransient: true } or PostgresException { SqlState: "53300" or "57P01" or "57P03" }))
        {
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = 503, Title = "Temporarily unavailable", Detail = "The database is unavailable; retry later." },
            Exception = exception,
        });
    }
}
