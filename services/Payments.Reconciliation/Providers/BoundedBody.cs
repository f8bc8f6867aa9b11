namespace Payments.Reconciliation.Providers;

/// <summary>
/// Reads a response body of at most Provider:MaxResponseBytes: a declared Content-Length over the limit is refused
/// before reading, and an undeclared (chunked) body is cut off as soon as it passes the limit, so a provider answering
/// an endless body costs us the limit, not the memory of the process.
/// </summary>
internal static class BoundedBody
{
    public static async Task<byte[]> ReadAsync(HttpContent content, long maxBytes, string what, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            throw TooLarge(what, maxBytes);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > maxBytes)
            {
                throw TooLarge(what, maxBytes);
            }

            body.Write(buffer, 0, read);
        }

        return body.ToArray();
    }

    private static ProviderRejectedException TooLarge(string what, long maxBytes) =>
        new($"{what} answered a body over Provider:MaxResponseBytes ({maxBytes} bytes).");
}
