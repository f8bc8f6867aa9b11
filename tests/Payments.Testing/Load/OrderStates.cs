using System.Text.Json;

namespace Payments.Testing.Load;

/// <summary>Orders as Orders reports them; a timeout shows the ones not (yet) in their provider-side state.</summary>
public sealed record OrderStates(Dictionary<PlacedOrder, JsonElement> All)
{
    public bool Settled => All.All(p => p.Value.GetProperty("status").GetString() == p.Key.ExpectedStatus);

    public override string ToString() => string.Join("; ", All
        .Where(p => p.Value.GetProperty("status").GetString() != p.Key.ExpectedStatus)
        .Select(p => $"{p.Key.Id} expected {p.Key.ExpectedStatus}: {p.Value}"));
}
