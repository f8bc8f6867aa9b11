using Spectre.Console;

namespace Payments.Cli.DeadLetters;

/// <summary>What a bulk replay or discard did: asked for, acted on by the service, left alone (already replayed or discarded).</summary>
public sealed record BulkSummary(string Verb, int Requested, int Done, int Batches)
{
    public int Skipped => Math.Max(0, Requested - Done);

    public Table Render() => new Table()
        .AddColumns("", "")
        .HideHeaders()
        .AddRow("Requested", Requested.ToString())
        .AddRow(Verb, Done.ToString())
        .AddRow("Left alone by the service", Skipped.ToString())
        .AddRow("Requests", Batches.ToString());
}
