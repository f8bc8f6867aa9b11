using Payments.Testing;

namespace Payments.Chaos.Tests;

/// <summary>
/// Steady load of orders paid through signed webhooks while, one after another, every service is killed with SIGKILL
/// and restarted, RabbitMQ is stopped and restarted, and PostgreSQL is stopped and restarted; the provider also
/// drops and duplicates webhooks. Then the outcome is read back and checked.
/// </summary>
public static class ChaosRun
{
    /// <summary>The services killed one by one, then the broker and the database stopped and started.</summary>
    public static Task<Outcome> RunAsync(PaymentsSystem system, int orders, CancellationToken ct) =>
        RunAsync(system, orders, ServiceCrashes(system, ct), ct);

    /// <summary>Steady load while <paramref name="steps"/> run one after another, 3 s apart; then the outcome once settled.</summary>
    public static async Task<Outcome> RunAsync(PaymentsSystem system, int orders, IReadOnlyList<ChaosStep> steps, CancellationToken ct)
    {
        await system.SetFaultsAsync(new SimulatorFaults(DropRate: 0.1, DuplicateRate: 0.1, MaxDelayMs: 200), ct);
        var orderPaid = new PublishedTap(system.BrokerUri, "Payments.Contracts:OrderPaid");
        await orderPaid.BindAsync(ct);
        using var driver = new LoadDriver(system);
        var load = driver.RunAsync(orders, TimeSpan.FromMilliseconds(350), ct);
        var log = new List<string>();

        foreach (var step in steps)
        {
            await Task.Delay(TimeSpan.FromSeconds(3), ct); // the schedule of the chaos, not a wait for an effect
            log.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {step.What}");
            var done = await step.Action();
            log.Add($"{DateTime.UtcNow:HH:mm:ss.fff}   {done}");
        }

        try
        {
            await load;
        }
        catch (Exception)
        {
            // What the services said about it: the customers' calls failing for minutes is the services' story.
            TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, log));
            foreach (var service in system.All)
            {
                var problems = service.ReadLog().Split('\n').Where(l => l.Contains(" warn: ", StringComparison.Ordinal) || l.Contains(" fail: ", StringComparison.Ordinal));
                TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, problems.TakeLast(15)));
            }

            throw;
        }

        await system.SetFaultsAsync(new SimulatorFaults(), ct);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, log));

        // Acknowledged webhooks may still be on their way through Orders when the orders look settled: wait for them too.
        return await Eventually.ValueAsync(() => Outcome.SettleAsync(system, [.. driver.Orders], orderPaid, ct),
            o => o.AcknowledgedButNotRecorded.Count == 0, TimeSpan.FromMinutes(5), "every acknowledged webhook to be recorded", ct);
    }

    private static List<ChaosStep> ServiceCrashes(PaymentsSystem system, CancellationToken ct) =>
    [
        new("kill -9 ingress, restart", () => Restart(system.Ingress, ct)),
        new("kill -9 orders, restart", () => Restart(system.Orders[0], ct)),
        new("kill -9 notifications, restart", () => Restart(system.Notifications[0], ct)),
        new("kill -9 reconciliation, restart", () => Restart(system.Reconciliation[0], ct)),
        new("stop RabbitMQ for 3 s", async () =>
        {
            await system.Broker.StopAsync(ct);
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            await system.Broker.StartAsync(ct);
            return "started";
        }),
        new("stop PostgreSQL for 3 s", async () =>
        {
            await system.Postgres.StopAsync(ct);
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            await system.Postgres.StartAsync(ct);
            return "started";
        }),
    ];

    private static async Task<string> Restart(Payments.Testing.Services.ServiceProcess service, CancellationToken ct)
    {
        await service.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        await service.StartAsync(cancellationToken: ct);
        return "restarted";
    }

    public static void ShouldHaveLostNothingAndAppliedEverythingOnce(this Outcome outcome)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(outcome.ToString());
        outcome.Mismatched.ShouldBeEmpty("every order must end in the provider's state");
        outcome.AcknowledgedButNotRecorded.ShouldBeEmpty("a webhook answered 2xx must never be lost");
        outcome.RepeatedTransitions.ShouldBeEmpty("an order makes each move at most once");
        outcome.OrderPaidPublishedTwice.ShouldBeEmpty("one OrderPaid per paid order");
        outcome.PaidWithoutOrderPaid.ShouldBeEmpty("every paid order publishes OrderPaid");
        outcome.EmailsNotOnePerTransition.ShouldBeEmpty("one distinct email per order transition");
        outcome.PerSource.Select(l => l.Source).ShouldBe(["stripe", "liqpay", "acme (standard-webhooks)"], "the load mixes every scheme");
        outcome.PerSource.ShouldAllBe(l => l.WebhooksAcknowledged > 0 && l.Transitions >= l.Orders, "every source's webhooks must really have moved its orders");
        outcome.Dropped.ShouldBeGreaterThan(0, "the provider must really have dropped webhooks");
        outcome.Duplicated.ShouldBeGreaterThan(0, "the provider must really have duplicated webhooks");
        outcome.FinalEventDropped.ShouldBeGreaterThan(0, "some order's final webhook must really have been dropped");
        outcome.DroppedNotRecovered.ShouldBeEmpty("reconciliation recovers every order whose final webhook was dropped");
        outcome.NotificationsSent.ShouldBe(outcome.Transitions, "one email per business event");
        outcome.DistinctMessageIds.ShouldBe(outcome.Transitions);
        // The one documented window (SMTP accepted, crash before 'sent' commits) can repeat a mail, with the same
        // Message-ID: the kill -9 of Notifications lands on at most Notifications:Delivery:Workers sends in flight or
        // awaiting the recorder's commit under way.
        (outcome.EmailsReceived - outcome.DistinctMessageIds).ShouldBeLessThanOrEqualTo(PaymentsSystem.NotificationWorkers);
    }
}
