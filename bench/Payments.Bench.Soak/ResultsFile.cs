using System.Globalization;
using System.Text;

namespace Payments.Bench.Soak;

/// <summary>bench/soak/results.md: how the run was set up, the faults as they ran, the ledger per source, memory per minute.</summary>
public static class ResultsFile
{
    public static string Render(SoakReport r)
    {
        var s = new StringBuilder();
        var i = CultureInfo.InvariantCulture;
        s.AppendLine("# Soak results").AppendLine();
        s.Append(i, $"`./bench/soak/run.sh` with `SOAK_MINUTES={r.Settings.Minutes.ToString(i)}`, started {r.Started:yyyy-MM-dd HH:mm} UTC: ")
            .Append(i, $"a {r.Settings.Minutes.ToString(i)}-minute run on a machine of {Environment.ProcessorCount.ToString(i)} cores, ")
            .AppendLine(i, $"load average {r.LoadAverageAtStart} at the start and {r.LoadAverageAtEnd} at the end.").AppendLine();
        s.Append(i, $"One order every {r.Settings.OrderSpacing.TotalMilliseconds.ToString(i)} ms for {r.Loaded.TotalMinutes.ToString("0.0", i)} minutes ")
            .Append(i, $"({r.OrdersPlaced} orders), taking turns between the sources; customers pay, are declined, are declined then pay, or pay then ")
            .Append("refund, at the provider simulator of their source, which sends the webhooks to the ingress. The simulators drop 10% ")
            .Append("of webhooks (Stripe's and LiqPay's, whose status APIs Reconciliation asks; a Standard Webhooks sender has none, so a ")
            .Append("drop there could never be recovered), duplicate 10% and delay each up to 200 ms. PostgreSQL runs durable (fsync, ")
            .AppendLine(i, $"synchronous_commit on). One fault every {r.Settings.FaultInterval.TotalSeconds.ToString(i)} s, from a fixed rotation.").AppendLine();

        s.AppendLine("## Faults").AppendLine().AppendLine("```");
        foreach (var line in r.FaultLog)
            s.AppendLine(line);
        s.AppendLine("```").AppendLine();

        s.AppendLine("## Ledger").AppendLine();
        if (r.Outcome is { } o)
        {
            s.AppendLine("| Source | Orders | Webhooks acknowledged | Transitions | Emails | Lost | Duplicated | Webhooks dropped by the provider | Final webhook dropped, recovered by reconciliation |");
            s.AppendLine("|---|---|---|---|---|---|---|---|---|");
            foreach (var l in o.PerSource)
            {
                s.Append(i, $"| {l.Source} | {l.Orders} | {l.WebhooksAcknowledged} | {l.Transitions} | {l.Emails} | {l.Lost} | ")
                    .Append(i, $"{l.RepeatedTransitions} moved twice, {l.EmailsNotOnePerTransition} with emails ≠ transitions | {l.WebhooksDropped} (duplicated {l.WebhooksDuplicated}) | ")
                    .AppendLine(i, $"{l.FinalEventDropped}, {l.RecoveredByReconciliation} orders moved by reconciliation |");
            }

            s.Append(i, $"| **all** | {o.Orders} | {o.WebhooksAcknowledged} | {o.Transitions} | {o.DistinctMessageIds} | {o.AcknowledgedButNotRecorded.Count} | ")
                .Append(i, $"{o.RepeatedTransitions.Count} moved twice, {o.EmailsNotOnePerTransition.Count} with emails ≠ transitions | {o.Dropped} (duplicated {o.Duplicated}) | ")
                .AppendLine(i, $"{o.FinalEventDropped}, {o.RecoveredByReconciliation} orders moved by reconciliation |").AppendLine();
            s.Append(i, $"Emails counted by distinct Message-ID per order's customer. Orders not in the provider's state: {o.Mismatched.Count}. ")
                .Append(i, $"OrderPaid published {o.OrderPaidPublished} (twice for an order: {o.OrderPaidPublishedTwice.Count}; missing: {o.PaidWithoutOrderPaid.Count}). ")
                .Append(i, $"Notifications sent {o.NotificationsSent}; emails received {o.EmailsReceived}, {o.DistinctMessageIds} distinct Message-IDs ")
                .Append(i, $"({o.EmailsReceived - o.DistinctMessageIds} received twice with the same Message-ID: the documented window of a kill -9 of ")
                .AppendLine("Notifications between SMTP's answer and the commit of 'sent').").AppendLine();
        }
        else
        {
            s.AppendLine("The system never settled: no ledger.").AppendLine();
        }

        s.AppendLine(r.Failures.Count == 0 ? "**Nothing lost, nothing duplicated.**" : "**Failed:**").AppendLine();
        foreach (var failure in r.Failures)
            s.AppendLine(i, $"- {failure}");
        if (r.Failures.Count > 0)
            s.AppendLine();

        s.AppendLine("## Memory (VmRSS, MiB; * a new process since the sample before: restarted)").AppendLine();
        s.AppendLine("| Minute | " + string.Join(" | ", r.ServiceNames) + " |");
        s.AppendLine("|---|" + string.Concat(r.ServiceNames.Select(_ => "---|")));
        MemorySample? previous = null;
        foreach (var sample in r.Memory)
        {
            var cells = r.ServiceNames.Select(name =>
            {
                if (sample.Services[name] is not { } reading)
                    return "down";
                var restarted = previous?.Services[name] is { } before && before.Pid != reading.Pid;
                return (reading.RssKiB / 1024.0).ToString("0", i) + (restarted ? "*" : "");
            });
            s.AppendLine(i, $"| {sample.At.TotalMinutes.ToString("0.0", i)} | {string.Join(" | ", cells)} |");
            previous = sample;
        }

        return s.ToString();
    }
}
