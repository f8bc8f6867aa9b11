using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using Payments.Reconciliation.Diagnostics;

namespace Payments.Reconciliation.Housekeeping;

/// <summary>
/// One pass: claim due payments a batch at a time, ask each one's provider (a few calls in flight), decide, and
/// settle the batch (findings through the outbox, next checks, claims released) in one transaction. A provider
/// failure puts only that check off; a batch in which every call failed ends the pass, so a provider that is down
/// (its circuit open) is not asked about the rest of the backlog until the next pass.
/// </summary>
public sealed partial class HousekeepingPass(
    NpgsqlDataSource dataSource,
    ProviderCheck check,
    IOptions<ReconciliationOptions> options,
    ReconciliationMetrics metrics,
    TimeProvider time,
    ILogger<HousekeepingPass> logger)
{
    private readonly ReconciliationOptions _options = options.Value;

    public async Task<PassSummary> RunAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        int claimed = 0, checkedCount = 0, announced = 0, stuck = 0, errors = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await PaymentClaims.ClaimAsync(dataSource, _options.BatchSize, _options.ClaimLease, time.GetUtcNow(), cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var outcomes = await check.CheckAsync(batch, cancellationToken);
            var settled = await PaymentClaims.SettleAsync(dataSource, outcomes, time.GetUtcNow(), cancellationToken);
            foreach (var finding in settled.Announced)
            {
                metrics.Recovered(finding.Kind);
            }

            metrics.BecameStuck(settled.Stuck);
            var failed = outcomes.Count(o => !o.Checked);
            (claimed, checkedCount, announced, stuck, errors) =
                (claimed + batch.Count, checkedCount + batch.Count - failed, announced + settled.Announced.Count, stuck + settled.Stuck, errors + failed);
            if (batch.Count < _options.BatchSize || failed == batch.Count)
            {
                break;
            }
        }

        var summary = new PassSummary(claimed, checkedCount, announced, stuck, errors, Stopwatch.GetElapsedTime(started));
        metrics.Passed(summary);
        if (claimed > 0)
        {
            LogPass(summary.Claimed, summary.Checked, summary.Announced, summary.Stuck, summary.ProviderErrors, summary.Duration.TotalMilliseconds);
        }

        return summary;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Housekeeping pass: {Claimed} claimed, {Checked} checked, {Announced} outcomes announced, {Stuck} stuck, {Errors} provider errors in {Milliseconds:0} ms")]
    private partial void LogPass(int claimed, int @checked, int announced, int stuck, int errors, double milliseconds);
}
