using System.Globalization;
using Spectre.Console;

namespace Payments.Cli.DeadLetters;

/// <summary>A page of dead letters as a table, with where the page is in the whole.</summary>
public static class DeadLetterTable
{
    public static Table Render(DeadLetterPage page)
    {
        var table = new Table().Expand()
            .AddColumns("Id", "Failed at (UTC)", "Queue", "Type", "Order", "Reason", "State");
        foreach (var row in page.Items)
        {
            table.AddRow(
                Cell(row.Id),
                Cell(Time(row.FailedAt)),
                Cell(row.Queue),
                Cell(row.MessageType),
                Cell(row.OrderId),
                Cell(Shorten(row.Reason ?? row.ExceptionType, 80)),
                Cell(row.State));
        }

        table.Caption($"page {page.Page} of {page.Pages}, {page.Total} in all");
        return table;
    }

    public static string Time(DateTimeOffset? at) =>
        at?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";

    public static string Shorten(string? text, int length) =>
        text is null ? "" : text.Length <= length ? text : text[..(length - 1)] + "…";

    public static Text Cell(string? text) => new(text ?? "");
}
