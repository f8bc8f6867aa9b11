using System.CommandLine;
using Payments.Cli.Api;
using Spectre.Console;

namespace Payments.Cli.DeadLetters;

/// <summary><c>payments dead-letters list|replay|discard</c>.</summary>
public static class DeadLetterCommands
{
    public static Command Build(GlobalOptions global, IAnsiConsole console) =>
        new("dead-letters", "Messages a consumer gave up on, kept by the Operations service.")
        {
            List(global, console),
            Replay(global, console),
            Discard(global, console),
        };

    private static Command List(GlobalOptions global, IAnsiConsole console)
    {
        var filter = new FilterOptions();
        var page = new Option<int>("--page") { Description = "The page, from 1.", DefaultValueFactory = _ => 1 };
        var pageSize = new Option<int>("--page-size") { Description = "Rows per page.", DefaultValueFactory = _ => 50 };
        page.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--page must be 1 or more."); });
        pageSize.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 500) r.AddError("--page-size must be between 1 and 500."); });

        var command = new Command("list", "List dead letters matching the filter, one page at a time.") { page, pageSize };
        foreach (var option in filter.All())
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var client = global.CreateClient(parsed);
            var query = filter.Read(parsed).ToQuery(parsed.GetValue(page), parsed.GetValue(pageSize));
            var answer = await client.GetAsync<DeadLetterPage>("api/dead-letters" + query, cancellationToken);
            console.Write(DeadLetterTable.Render(answer));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Replay(GlobalOptions global, IAnsiConsole console)
    {
        var filter = new FilterOptions();
        var ids = IdOption();
        var batch = BatchOption();
        var command = new Command("replay", "Send dead letters back to the queue they came from (by --id, or all matching a filter).") { ids, batch };
        foreach (var option in filter.All())
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var client = global.CreateClient(parsed);
            var bulk = new BulkAction(client, console, parsed.GetValue(batch));
            var selected = await SelectAsync(parsed, ids, filter.Read(parsed), bulk, cancellationToken);
            var summary = await bulk.RunAsync("Replayed", selected, async (some, ct) =>
                (await client.PostAsync<ReplayResult>("api/dead-letters/replay", new { ids = some }, ct)).Replayed, cancellationToken);
            console.Write(summary.Render());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Discard(GlobalOptions global, IAnsiConsole console)
    {
        var filter = new FilterOptions();
        var ids = IdOption();
        var batch = BatchOption();
        // On discard, --reason says why (it is audited); the failure-reason filter is not offered here.
        var reason = new Option<string>("--reason") { Description = "Why these are discarded (required; audited).", Required = true };
        reason.Validators.Add(r => { if (string.IsNullOrWhiteSpace(r.GetValueOrDefault<string>())) r.AddError("--reason must say why."); });
        var command = new Command("discard", "Drop dead letters for good, with a reason (by --id, or all matching a filter).") { ids, batch, reason };
        foreach (var option in filter.All(withReason: false))
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var client = global.CreateClient(parsed);
            var bulk = new BulkAction(client, console, parsed.GetValue(batch));
            var selected = await SelectAsync(parsed, ids, filter.Read(parsed, withReason: false), bulk, cancellationToken);
            var why = parsed.GetValue(reason)!.Trim();
            var summary = await bulk.RunAsync("Discarded", selected, async (some, ct) =>
                (await client.PostAsync<DiscardResult>("api/dead-letters/discard", new { ids = some, reason = why }, ct)).Discarded, cancellationToken);
            console.Write(summary.Render());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<IReadOnlyList<string>> SelectAsync(
        ParseResult parsed, Option<string[]> ids, DeadLetterFilter filter, BulkAction bulk, CancellationToken cancellationToken)
    {
        var given = parsed.GetValue(ids) ?? [];
        if (given.Length > 0 && !filter.IsEmpty)
        {
            throw new UsageException("Give either --id or a filter, not both.");
        }

        if (given.Length > 0)
        {
            return given.Distinct().ToList();
        }

        if (filter.IsEmpty)
        {
            throw new UsageException("Give --id (repeatable) or at least one filter (--queue, --type, --reason, --order, --from, --to).");
        }

        return await bulk.MatchingIdsAsync(filter, cancellationToken);
    }

    private static Option<string[]> IdOption() => new("--id") { Description = "A dead letter's id (repeatable)." };

    private static Option<int> BatchOption()
    {
        var batch = new Option<int>("--batch-size") { Description = "Ids per request; the progress bar moves per request.", DefaultValueFactory = _ => 100 };
        batch.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 1000) r.AddError("--batch-size must be between 1 and 1000."); });
        return batch;
    }
}
