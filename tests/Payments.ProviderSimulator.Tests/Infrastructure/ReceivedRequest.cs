using System.Text;

namespace Payments.ProviderSimulator.Tests.Infrastructure;

/// <summary>A webhook as the receiver got it: raw body bytes (signatures are over them) and headers (lower-case names).</summary>
public sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset ReceivedAt, int Number)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public string Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value)
        ? value
        : throw new KeyNotFoundException($"The request to /{Path} had no {name} header; it had: {string.Join(", ", Headers.Keys)}.");
}
