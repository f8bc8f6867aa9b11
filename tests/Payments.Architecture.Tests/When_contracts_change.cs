namespace Payments.Architecture.Tests;

/// <summary>
/// Consumers deployed on their own schedule read messages written by newer and older producers: a contract only
/// grows. Removing or retyping a member (or an enum value) fails here; a breaking change gets a new type instead.
/// After an additive change, add its lines to contracts.baseline.txt.
/// </summary>
public sealed class When_contracts_change
{
    [Fact]
    public void Should_only_grow_additively()
    {
        var baseline = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "contracts.baseline.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var current = ContractSurface.Current();

        baseline.Where(line => !current.Contains(line)).ShouldBeEmpty("members removed or changed since the baseline");
        current.Where(line => !baseline.Contains(line)).ShouldBeEmpty("new members: additive is fine, record them in contracts.baseline.txt");
    }
}
