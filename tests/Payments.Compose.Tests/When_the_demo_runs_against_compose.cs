using System.Globalization;
using Payments.Compose.Tests.Compose;
using Payments.Compose.Tests.Driving;

namespace Payments.Compose.Tests;

/// <summary>
/// tools/Payments.Demo against the containers, as `./scripts/run.sh --compose --exit-after-demo` runs it: the simulator
/// delivering to the ingress container while it duplicates, drops, delays and reorders webhooks.
/// </summary>
[Collection(ComposeCollection.Name)]
public sealed class When_the_demo_runs_against_compose(RunningSystem system) : IClassFixture<RunningSystem>
{
    private const int DemoOrders = 24;

    [Fact]
    public async Task Should_exit_with_every_order_in_the_providers_state()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var project = system.Project;
        var provider = new Provider(project.Url("simulator"));
        await provider.DeliverToIngressAsync(cancellationToken);
        await provider.SetFaultsAsync(new { duplicate_rate = 0.1, drop_rate = 0.05, max_delay_ms = 300, reorder_rate = 0.05 }, cancellationToken);

        var demo = await ProcessRunner.RunAsync("dotnet",
            [
                Repository.Tool("Payments.Demo"),
                "--orders", DemoOrders.ToString(CultureInfo.InvariantCulture),
                "--orders-url", project.Url("orders"),
                "--simulator-url", project.Url("simulator"),
                "--notifications-url", project.ManagementUrl("notifications"), // GET /notifications is an operator endpoint
                "--api-key", Provider.ApiKey,
                "--client-token", ComposeTokens.Client,
                "--ops-token", ComposeTokens.Operator,
                "--deadline-seconds", "150",
            ],
            TimeSpan.FromMinutes(4), cancellationToken);
        TestContext.Current.SendDiagnosticMessage(demo.Output);
        Console.WriteLine(demo.Output);

        demo.ExitCode.ShouldBe(0, demo.Output);
    }
}
