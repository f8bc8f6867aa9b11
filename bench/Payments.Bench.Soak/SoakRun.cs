using System.Diagnostics;
using Payments.Testing;
using Payments.Testing.Load;
using Payments.Testing.Services;

namespace Payments.Bench.Soak;

/// <summary>
/// The whole system on throwaway RabbitMQ, PostgreSQL (durable: a kill -9 may only lose what it never acknowledged) and
/// SMTP servers, steady signed load through every source, the provider dropping, duplicating and delaying webhooks, and
/// one fault every interval from a fixed rotation; then the ledger once everything has settled.
/// </summary>
public static class SoakRun
{
    private static readonly SimulatorFaults Faults = new(DropRate: 0.1, DuplicateRate: 0.1, MaxDelayMs: 200);

    public static async Task<SoakReport> RunAsync(SoakSettings settings, TextWriter log, CancellationToken ct)
    {
        var started = DateTimeOffset.UtcNow;
        var loadAtStart = LoadAverage();
        await using var system = new PaymentsSystem(instances: 1, durableDatabase: true);
        await system.StartAsync(ct);
        var services = Named(system);
        var sampler = new MemorySampler(services);
        using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sampling = sampler.RunAsync(stopSampling.Token);

        await system.SetFaultsAsync(Faults, ct);
        var orderPaid = new PublishedTap(system.BrokerUri, "Payments.Contracts:OrderPaid");
        await orderPaid.BindAsync(ct);
        using var driver = new LoadDriver(system);
        var duration = TimeSpan.FromMinutes(settings.Minutes);
        var clock = Stopwatch.StartNew();
        var load = driver.RunForAsync(duration, settings.OrderSpacing, ct);
        var failures = new List<string>();
        var faultLog = new List<string>();
        var schedule = Schedule(system, ct);
        for (var i = 0; clock.Elapsed + settings.FaultInterval < duration; i++)
        {
            await Task.Delay(settings.FaultInterval, ct); // the schedule of the faults, not a wait for an effect
            var step = schedule[i % schedule.Count];
            Note($"{clock.Elapsed:mm\\:ss} {step.What}");
            var done = await step.Action();
            Note($"{clock.Elapsed:mm\\:ss}   {done}");
        }

        try
        {
            await load;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            failures.Add($"A customer's call kept failing for two minutes: {ex.Message}");
        }

        var loaded = clock.Elapsed;
        Note($"{loaded:mm\\:ss} load over: {driver.Orders.Count} orders placed; faults off, settling");
        await system.SetFaultsAsync(new SimulatorFaults(), ct);
        Outcome? outcome = null;
        try
        {
            // Acknowledged webhooks may still be on their way through Orders when the orders look settled: wait for them too.
            outcome = await Eventually.ValueAsync(() => Outcome.SettleAsync(system, [.. driver.Orders], orderPaid, ct),
                o => o.AcknowledgedButNotRecorded.Count == 0, TimeSpan.FromMinutes(5), "every acknowledged webhook to be recorded", ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            failures.Add($"The system did not settle: {ex.Message}");
        }

        sampler.Sample();
        await stopSampling.CancelAsync();
        await sampling;
        if (outcome is not null)
        {
            failures.AddRange(Check(outcome, faultLog.Count(l => l.Contains("kill -9 notifications", StringComparison.Ordinal))));
        }

        return new SoakReport(settings, started, loaded, loadAtStart, LoadAverage(), driver.Orders.Count, faultLog, outcome,
            [.. services.Select(s => s.Name)], [.. sampler.Samples], failures);

        void Note(string line)
        {
            faultLog.Add(line);
            log.WriteLine(line);
        }
    }

    /// <summary>The rotation: every service, the broker (graceful and kill -9), the database (kill -9) and the SMTP server.</summary>
    private static List<ChaosStep> Schedule(PaymentsSystem system, CancellationToken ct) =>
    [
        ServiceFaults.KillAndRestart("ingress", system.Ingress, ct),
        ServiceFaults.RestartBroker(system.Broker, ct),
        ServiceFaults.KillAndRestart($"orders ({system.Sources[0].Label})", system.Sources[0].Orders[0], ct),
        DatabaseFaults.KillAndRestart(system.Postgres, ct),
        ServiceFaults.KillAndRestart("notifications", system.Notifications[0], ct),
        ServiceFaults.RefuseMail(system.Smtp, TimeSpan.FromSeconds(15), ct),
        ServiceFaults.KillBroker(system.Broker, ct),
        ServiceFaults.KillAndRestart($"orders ({system.Sources[1].Label})", system.Sources[1].Orders[0], ct),
        ServiceFaults.KillAndRestart("reconciliation", system.Reconciliation[0], ct),
        ServiceFaults.KillAndRestart($"orders ({system.Sources[2].Label})", system.Sources[2].Orders[0], ct),
    ];

    private static List<(string Name, ServiceProcess Process)> Named(PaymentsSystem system) =>
    [
        .. system.Sources.Select(s => ($"simulator ({s.Label})", s.Simulator)),
        ("ingress", system.Ingress),
        .. system.Sources.Select(s => ($"orders ({s.Label})", s.Orders[0])),
        ("notifications", system.Notifications[0]),
        ("reconciliation", system.Reconciliation[0]),
    ];

    /// <summary>Every loss and every duplicate the ledger shows.</summary>
    private static IEnumerable<string> Check(Outcome o, int notificationKills)
    {
        if (o.Mismatched.Count > 0)
            yield return $"{o.Mismatched.Count} orders not in the provider's state: {string.Join("; ", o.Mismatched.Take(5).Select(m => $"{m.Order.Id} ({m.Order.Source}) {m.Status}"))}";
        if (o.AcknowledgedButNotRecorded.Count > 0)
            yield return $"{o.AcknowledgedButNotRecorded.Count} acknowledged webhooks lost: {string.Join(", ", o.AcknowledgedButNotRecorded.Take(5))}";
        if (o.RepeatedTransitions.Count > 0)
            yield return $"{o.RepeatedTransitions.Count} orders moved twice the same way: {string.Join("; ", o.RepeatedTransitions.Take(5))}";
        if (o.OrderPaidPublishedTwice.Count > 0)
            yield return $"{o.OrderPaidPublishedTwice.Count} orders with OrderPaid published twice";
        if (o.PaidWithoutOrderPaid.Count > 0)
            yield return $"{o.PaidWithoutOrderPaid.Count} paid orders without OrderPaid";
        if (o.EmailsNotOnePerTransition.Count > 0)
            yield return $"{o.EmailsNotOnePerTransition.Count} orders whose emails differ from their transitions: {string.Join("; ", o.EmailsNotOnePerTransition.Take(5))}";
        if (o.DroppedNotRecovered.Count > 0)
            yield return $"{o.DroppedNotRecovered.Count} orders whose final webhook was dropped not recovered by reconciliation";
        if (o.NotificationsSent != o.Transitions)
            yield return $"{o.NotificationsSent} notifications sent for {o.Transitions} transitions";
        if (o.DistinctMessageIds != o.Transitions)
            yield return $"{o.DistinctMessageIds} distinct emails for {o.Transitions} transitions";
        // The one documented window: SMTP accepted, kill -9 before 'sent' commits; the resend keeps its Message-ID.
        var allowed = notificationKills * PaymentsSystem.NotificationWorkers;
        if (o.EmailsReceived - o.DistinctMessageIds > allowed)
            yield return $"{o.EmailsReceived - o.DistinctMessageIds} emails received twice, more than {allowed} ({notificationKills} kills of Notifications x {PaymentsSystem.NotificationWorkers} sends in flight)";
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
