using System.Globalization;

namespace Payments.Reconciliation.Providers;

/// <summary>
/// Checks on the fields of a provider's 200 answer before they become our facts. A provider answering garbage
/// (a negative amount, a timestamp in seconds where milliseconds belong, a currency that is no ISO 4217 code) gets
/// a <see cref="ProviderRejectedException"/>: that payment's check is a provider error, never a guess.
/// </summary>
internal static class ProviderAnswer
{
    // Payment APIs answer times of this century; 0, seconds read as milliseconds (1970) or milliseconds read as seconds
    // (far future) are garbage.
    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset UnixSeconds(long seconds, string field) =>
        seconds >= Earliest.ToUnixTimeSeconds() && seconds < Latest.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw OutOfRange(field, seconds);

    public static DateTimeOffset UnixMilliseconds(long milliseconds, string field) =>
        milliseconds >= Earliest.ToUnixTimeMilliseconds() && milliseconds < Latest.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : throw OutOfRange(field, milliseconds);

    public static long Amount(long minor, string field) =>
        minor >= 0 ? minor : throw new ProviderRejectedException($"The provider answered a negative {field} ({minor}).");

    /// <summary>An ISO 4217 alphabetic code (three ASCII letters), upper-cased.</summary>
    public static string Currency(string? currency, string field) =>
        currency is { Length: 3 } && currency.All(char.IsAsciiLetter)
            ? currency.ToUpperInvariant()
            : throw new ProviderRejectedException($"The provider answered a {field} that is not an ISO 4217 code.");

    public static string Id(string? id, string field) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 255
            ? id
            : throw new ProviderRejectedException($"The provider answered an empty or overlong {field}.");

    private static ProviderRejectedException OutOfRange(string field, long value) =>
        new($"The provider answered a {field} out of range ({value.ToString(CultureInfo.InvariantCulture)}).");
}
