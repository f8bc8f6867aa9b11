using System.Buffers;

namespace Payments.Bench.Baselines;

internal static class BaselineEndpoints
{
    public static async Task<IResult> BareAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        await ReadBodyAsync(request, cancellationToken);
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    public static async Task<IResult> PublishOnlyAsync(HttpRequest request, ConfirmedPublisher publisher, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        await publisher.PublishAsync(body, cancellationToken);
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await request.BodyReader.ReadAsync(cancellationToken);
            if (result.IsCompleted)
            {
                var body = result.Buffer.ToArray();
                request.BodyReader.AdvanceTo(result.Buffer.End);
                return body;
            }

            request.BodyReader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }
}
