namespace Payments.ProviderSimulator.Targets;

/// <summary>A validated receiver registration; the registry gives it an id and resolves its secret.</summary>
internal sealed record NewTarget(
    string Scheme,
    string Url,
    string? Secret,
    IReadOnlyList<string> EnabledEvents,
    string? Description,
    IReadOnlyDictionary<string, string> Metadata,
    TargetOrigin Origin);
