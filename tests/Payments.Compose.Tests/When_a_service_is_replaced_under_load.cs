using System.Diagnostics;
using Payments.Compose.Tests.Compose;
using Payments.Compose.Tests.Driving;
using Payments.Testing;
using Payments.Testing.Load;

namespace Payments.Compose.Tests;

/// <summary>
/// A steady load of orders paid through signed webhooks while one service at a time gets a new image and a new
/// container (`up -d --no-deps --build --force-recreate orders`, then notifications), the others running on: an
/// independent deployment. (Without --force-recreate compose keeps the container when the rebuilt image is unchanged.)
/// </summary>
[Collection(ComposeCollection.Name)]
public sealed class When_a_service_is_replaced_under_load(RunningSystem system) : IClassFixture<RunningSystem>
{
    private static readonly string[] Replaced = ["orders", "notifications"];

    // Orders acknowledged between two steps: the load demonstrably runs before, during and after each replacement.
    private const int OrdersPerStep = 15;

    [Fact]
    public async Task Should_lose_nothing_acknowledged_and_send_every_email()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var project = system.Project;
        var apis = new SystemApis(project);
        await apis.Provider.DeliverToIngressAsync(cancellationToken);
        var before = await ContainersAsync(project, cancellationToken);

        using var stop = new CancellationTokenSource();
        using var client = ComposeTokens.ClientHttp(TimeSpan.FromSeconds(10));
        using var driver = new LoadDriver([new LoadLane("stripe", "stripe", [apis.OrdersUrl], apis.Provider.Url)], client, Provider.ApiKey);
        var load = driver.RunUntilAsync(stop.Token, limit: 600, TimeSpan.FromMilliseconds(250), cancellationToken);
        var log = new List<string>();
        async Task AfterMoreOrders(int count)
        {
            var target = driver.Orders.Count + count;
            await Eventually.TrueAsync(() => driver.Orders.Count >= target || load.IsCompleted, TimeSpan.FromMinutes(2),
                $"{count} more orders acknowledged", cancellationToken);
        }

        await AfterMoreOrders(OrdersPerStep);
        foreach (var service in Replaced)
        {
            var clock = Stopwatch.StartNew();
            await project.UpAsync([service], noDeps: true, build: true, recreate: true, cancellationToken);
            var replaced = clock.Elapsed;
            await system.WaitUntilReadyAsync([service], cancellationToken);
            log.Add($"{service}: rebuilt and replaced in {replaced.TotalSeconds:0.0} s, ready after {clock.Elapsed.TotalSeconds:0.0} s, {driver.Orders.Count} orders acknowledged so far");
            await AfterMoreOrders(OrdersPerStep);
        }

        await stop.CancelAsync();
        await load;
        var outcome = await ApiOutcome.SettleAsync(apis, [.. driver.Orders], cancellationToken);
        TestContext.Current.SendDiagnosticMessage(string.Join(Environment.NewLine, [.. log, outcome.ToString()]));
        Console.WriteLine(string.Join(Environment.NewLine, [.. log, outcome.ToString()]));

        var report = string.Join(Environment.NewLine, [.. log, outcome.ToString()]);
        var after = await ContainersAsync(project, cancellationToken);
        foreach (var (service, id) in before)
        {
            if (Replaced.Contains(service))
                after[service].ShouldNotBe(id, $"{service}'s container must have been replaced\n{report}");
            else
                after[service].ShouldBe(id, $"{service} must have kept running while the others were replaced\n{report}");
        }

        outcome.Mismatched.ShouldBeEmpty("every acknowledged order must end in the provider's state");
        outcome.AcknowledgedButNotRecorded.ShouldBeEmpty("a webhook answered 2xx must never be lost");
        outcome.RepeatedTransitions.ShouldBeEmpty("an order must make each move once");
        outcome.EmailsNotOnePerTransition.ShouldBeEmpty("each customer gets one email per move of their order");
        outcome.NotificationsSent.ShouldBe(outcome.Transitions, "one email per business event");
        outcome.DistinctMessageIds.ShouldBe(outcome.Transitions, "Mailpit must hold every email, each once by its Message-ID");
    }

    private static async Task<Dictionary<string, string>> ContainersAsync(ComposeProject project, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, string>();
        foreach (var service in (string[])["rabbitmq", "postgres", "mailpit", "jaeger", .. ComposeImages.Services])
            ids[service] = await project.ContainerIdAsync(service, cancellationToken);
        return ids;
    }
}
