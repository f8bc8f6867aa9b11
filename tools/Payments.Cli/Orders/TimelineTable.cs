using Payments.Cli.DeadLetters;
using Spectre.Console;

namespace Payments.Cli.Orders;

/// <summary>The timeline as a table, with the services that did not answer named under it.</summary>
public static class TimelineTable
{
    public static Table Render(Timeline timeline)
    {
        var table = new Table().Expand()
            .Title($"Order {Markup.Escape(timeline.OrderId)}: {Markup.Escape(timeline.Status ?? "status unknown")}")
            .AddColumns("At (UTC)", "Kind", "Service", "What happened", "Trace");
        foreach (var step in timeline.Steps ?? [])
        {
            table.AddRow(
                DeadLetterTable.Cell(DeadLetterTable.Time(step.At)),
                DeadLetterTable.Cell(step.Kind),
                DeadLetterTable.Cell(step.Service),
                DeadLetterTable.Cell(step.Summary),
                DeadLetterTable.Cell(step.TraceId));
        }

        if (timeline.Unavailable is { Count: > 0 } missing)
        {
            table.Caption($"not answering, so missing from this story: {Markup.Escape(string.Join(", ", missing))}");
        }

        return table;
    }
}
