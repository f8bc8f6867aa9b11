using System.Globalization;
using System.Text;

namespace Payments.Cli.Api;

/// <summary>Builds <c>?a=1&amp;b=2</c> from the values that are set, escaped.</summary>
public sealed class QueryString
{
    private readonly StringBuilder text = new();

    public QueryString Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            text.Append(text.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return this;
    }

    public QueryString Add(string name, DateTimeOffset? value) =>
        Add(name, value?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));

    public QueryString Add(string name, int? value) =>
        Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public override string ToString() => text.ToString();
}
