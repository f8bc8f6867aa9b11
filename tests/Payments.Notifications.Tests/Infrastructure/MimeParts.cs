using System.Text;
using System.Text.RegularExpressions;

namespace Payments.Notifications.Tests.Infrastructure;

/// <summary>Reads one part of a raw multipart message back to text (quoted-printable or base64), enough to check what a reader sees.</summary>
public static partial class MimeParts
{
    public static string? Decoded(string raw, string contentType)
    {
        var lines = raw.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith($"Content-Type: {contentType}", StringComparison.OrdinalIgnoreCase));
        if (start < 0)
        {
            return null;
        }

        var blank = Array.FindIndex(lines, start, l => l.Length == 0);
        var headers = string.Join("\n", lines[start..blank]);
        var end = Array.FindIndex(lines, blank, l => l.StartsWith("--", StringComparison.Ordinal));
        var body = string.Join("\n", lines[(blank + 1)..(end < 0 ? lines.Length : end)]);
        return headers.Contains("base64", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\n", "", StringComparison.Ordinal)))
            : QuotedPrintable(body);
    }

    // RFC 2045 §6.7: "=" at a line end is a soft break, "=XX" a byte.
    private static string QuotedPrintable(string body)
    {
        var joined = SoftBreak().Replace(body, "");
        var bytes = new List<byte>();
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
            {
                bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(joined[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    [GeneratedRegex("=\n")]
    private static partial Regex SoftBreak();
}
