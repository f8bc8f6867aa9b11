using Payments.Cli.Api;
using Spectre.Console;

namespace Payments.Cli.DeadLetters;

/// <summary>
/// Replays or discards dead letters in pages of ids, so the progress bar shows what the service really did; re-running
/// a replay after an interruption is safe (the service replays only what is still dead, and the consumers' inbox absorbs
/// a second copy).
/// </summary>
public sealed class BulkAction(OperationsClient client, IAnsiConsole console, int batchSize)
{
    private const int ListPageSize = 200;

    public async Task<IReadOnlyList<string>> MatchingIdsAsync(DeadLetterFilter filter, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        for (var page = 1; ; page++)
        {
            var answer = await client.GetAsync<DeadLetterPage>("api/dead-letters" + filter.ToQuery(page, ListPageSize), cancellationToken);
            // Only what is still dead: a replayed one may be replayed again, but only when named by --id.
            ids.AddRange(answer.Items.Where(row => row.State is null or "dead").Select(row => row.Id));
            if (answer.Items.Count == 0 || page >= answer.Pages)
            {
                return ids.Distinct().ToList();
            }
        }
    }

    /// <summary>Sends the ids in batches; <paramref name="send"/> posts one batch and answers how many the service acted on.</summary>
    public async Task<BulkSummary> RunAsync(
        string verb,
        IReadOnlyList<string> ids,
        Func<IReadOnlyList<string>, CancellationToken, Task<int>> send,
        CancellationToken cancellationToken)
    {
        var done = 0;
        var batches = 0;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"{verb} {ids.Count} dead letters", maxValue: Math.Max(1, ids.Count));
                foreach (var batch in ids.Chunk(batchSize))
                {
                    done += await send(batch, cancellationToken);
                    batches++;
                    task.Increment(batch.Length);
                }

                task.Value = task.MaxValue;
            });
        return new BulkSummary(verb, ids.Count, done, batches);
    }
}
