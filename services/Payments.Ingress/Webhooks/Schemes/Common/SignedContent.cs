using System.Buffers;
using System.Text;

namespace Payments.Ingress.Webhooks.Schemes.Common;

/// <summary>
/// "{part}.{part}.{body}" in a pooled buffer: the signed string is built once per request and then hashed once per
/// key with the one-shot HMAC, instead of concatenating (or creating an incremental hash) per key.
/// </summary>
internal readonly struct SignedContent : IDisposable
{
    private readonly byte[] buffer;
    private readonly int length;

    private SignedContent(byte[] buffer, int length)
    {
        this.buffer = buffer;
        this.length = length;
    }

    public ReadOnlySpan<byte> Span => buffer.AsSpan(0, length);

    /// <summary>Each of <paramref name="parts"/> is written as UTF-8 and followed by '.', then the body as sent.</summary>
    public static SignedContent Create(ReadOnlySpan<byte> body, params ReadOnlySpan<string> parts)
    {
        var size = body.Length;
        foreach (var part in parts)
        {
            size += Encoding.UTF8.GetByteCount(part) + 1;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(size);
        var written = 0;
        foreach (var part in parts)
        {
            written += Encoding.UTF8.GetBytes(part, buffer.AsSpan(written));
            buffer[written++] = (byte)'.';
        }

        body.CopyTo(buffer.AsSpan(written));
        return new SignedContent(buffer, written + body.Length);
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
}
