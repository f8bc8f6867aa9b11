namespace Payments.RegisterWebhook;

/// <summary>What the command line asked for; anything left out comes from Reconciliation's configuration.</summary>
internal sealed record RegistrationRequest(
    string Source, string? Url, IReadOnlyList<string> Events, string Environment, FileInfo? Settings, bool DryRun);
