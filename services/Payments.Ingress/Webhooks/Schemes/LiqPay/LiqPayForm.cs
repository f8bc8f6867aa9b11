namespace Payments.Ingress.Webhooks.Schemes.LiqPay;

/// <summary>
/// The two fields of a LiqPay callback body, "data=…&amp;signature=…", decoded as application/x-www-form-urlencoded
/// (https://url.spec.whatwg.org/#urlencoded-parsing) straight from the raw bytes. Values are kept as bytes: data
/// is signed exactly as decoded here, so it must not pass through a string conversion on the way.
/// </summary>
/// <param name="Data">The base64 text of the callback JSON, or null when absent.</param>
/// <param name="Signature">The base64 text of the signature, or null when absent.</param>
internal sealed record LiqPayForm(byte[]? Data, byte[]? Signature)
{
    private const int LongestFieldName = 16;

    /// <summary>Null when the body is not a well-formed form or names data or signature twice (which one was signed?).</summary>
    public static LiqPayForm? Parse(ReadOnlySpan<byte> body)
    {
        byte[]? data = null;
        byte[]? signature = null;
        Span<byte> name = stackalloc byte[LongestFieldName];
        foreach (var range in body.Split((byte)'&'))
        {
            var pair = body[range];
            if (pair.IsEmpty)
            {
                continue;
            }

            var separator = pair.IndexOf((byte)'=');
            var rawName = separator < 0 ? pair : pair[..separator];
            var rawValue = separator < 0 ? [] : pair[(separator + 1)..];
            if (rawName.Length > LongestFieldName)
            {
                continue; // no field of ours has a name this long; its value is not ours to validate
            }

            var nameLength = Decode(rawName, name);
            if (nameLength < 0)
            {
                return null;
            }

            var field = name[..nameLength];
            if (field.SequenceEqual("data"u8))
            {
                if (data is not null || !TryDecodeValue(rawValue, out data))
                {
                    return null;
                }
            }
            else if (field.SequenceEqual("signature"u8))
            {
                if (signature is not null || !TryDecodeValue(rawValue, out signature))
                {
                    return null;
                }
            }
        }

        return new LiqPayForm(data, signature);
    }

    private static bool TryDecodeValue(ReadOnlySpan<byte> raw, out byte[] value)
    {
        var buffer = new byte[raw.Length];
        var length = Decode(raw, buffer);
        value = length < 0 ? [] : buffer[..length];
        return length >= 0;
    }

    /// <summary>'+' is a space and "%XX" a byte; any other '%' makes the form malformed (-1). Returns bytes written.</summary>
    private static int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var written = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var b = source[i];
            if (b == (byte)'+')
            {
                b = (byte)' ';
            }
            else if (b == (byte)'%')
            {
                if (i + 2 >= source.Length || !IsHex(source[i + 1]) || !IsHex(source[i + 2]))
                {
                    return -1;
                }

                b = (byte)((HexValue(source[i + 1]) << 4) | HexValue(source[i + 2]));
                i += 2;
            }

            destination[written++] = b;
        }

        return written;
    }

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
