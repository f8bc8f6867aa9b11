using System.CommandLine;
using System.Text.Json;
using Payments.Cli.Api;
using Payments.Cli.DeadLetters;
using Spectre.Console;

namespace Payments.Cli.Parked;

/// <summary><c>payments parked list|requeue</c>.</summary>
public static class ParkedCommands
{
    private static readonly string[] Services = ["orders", "notifications", "reconciliation"];

    public static Command Build(GlobalOptions global, IAnsiConsole console) =>
        new("parked", "Outbox messages and notifications a service stopped retrying.")
        {
            List(global, console),
            Requeue(global, console),
        };

    private static Command List(GlobalOptions global, IAnsiConsole console)
    {
        var command = new Command("list", "Everything parked, in every service.");
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var client = global.CreateClient(parsed);
            var answer = Read(await client.GetAsync<JsonElement>("api/parked", cancellationToken));
            var table = new Table().Expand().AddColumns("Service", "Id", "Kind", "Type", "Parked at (UTC)", "Reason");
            foreach (var row in answer.Items)
            {
                table.AddRow(
                    DeadLetterTable.Cell(row.Service),
                    DeadLetterTable.Cell(row.Id),
                    DeadLetterTable.Cell(row.Kind),
                    DeadLetterTable.Cell(row.MessageType),
                    DeadLetterTable.Cell(DeadLetterTable.Time(row.ParkedAt)),
                    DeadLetterTable.Cell(DeadLetterTable.Shorten(row.Reason, 80)));
            }

            var caption = $"{answer.Items.Count} parked";
            if (answer.Unavailable is { Count: > 0 } missing)
            {
                caption += $"; not answering: {string.Join(", ", missing.Select(m => $"{m.Service} ({m.Status?.ToString() ?? m.Error})"))}";
            }

            console.Write(table.Caption(Markup.Escape(caption)));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Requeue(GlobalOptions global, IAnsiConsole console)
    {
        var service = new Argument<string>("service") { Description = "orders, notifications or reconciliation." };
        service.AcceptOnlyFromAmong(Services);
        var id = new Argument<string>("id") { Description = "The parked row's id (payments parked list)." };
        var command = new Command("requeue", "Give a parked message another go (a notification is resent).") { service, id };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var client = global.CreateClient(parsed);
            var name = parsed.GetValue(service)!;
            // Notifications resend an email; the outboxes requeue a message (the API's two verbs).
            var verb = name == "notifications" ? "resend" : "requeue";
            await client.PostAsync<JsonElement>(
                $"api/parked/{Uri.EscapeDataString(name)}/{Uri.EscapeDataString(parsed.GetValue(id)!)}/{verb}", null, cancellationToken);
            console.MarkupLine($"[green]{(verb == "resend" ? "Resent" : "Requeued")}[/] {Markup.Escape(name)} {Markup.Escape(parsed.GetValue(id)!)}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The list is either an array of rows or an object with <c>items</c> (and <c>unavailable</c> when a service did not answer).</summary>
    internal static ParkedList Read(JsonElement answer) => answer.ValueKind == JsonValueKind.Array
        ? new ParkedList(answer.Deserialize<List<ParkedItem>>(Json.Options) ?? [], null)
        : answer.Deserialize<ParkedList>(Json.Options) ?? new ParkedList([], null);
}
