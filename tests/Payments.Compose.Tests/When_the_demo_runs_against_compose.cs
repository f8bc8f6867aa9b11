using System.Globalization;
using Payments.Compose.Tests.Compose;
using Payments.Testing.Hosting;

namespace Payments.Compose.Tests;

/// <summary>
/// `./scripts/run.sh --compose --exit-after-demo` itself, as a developer types it: the script starts the system, runs
/// the demo while the simulator duplicates, drops, delays and reorders webhooks, removes what it started and exits with
/// the demo's verdict. Its own compose project and free host ports (the variables the script documents), the images
/// this run's fixture built (compose.tests.yml laid over through COMPOSE_FILE, no rebuild), its own RUN_DIR.
/// </summary>
[Collection(ComposeCollection.Name)]
public sealed class When_the_demo_runs_against_compose(ComposeImages images)
{
    private const int DemoOrders = 24;

    // Start (no build), health waits of up to 300 s, the demo's own 180 s deadline, `down -v`.
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(12);

    [Fact]
    public async Task Should_exit_0_with_every_order_in_the_providers_state_and_leave_nothing_behind()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        // Not started here: it names the project, picks the ports and passwords, and `down`s it if the script did not.
        await using var project = new ComposeProject(images);
        var runDirectory = Directory.CreateTempSubdirectory("payments-ct-run-");
        try
        {
            var environment = new Dictionary<string, string>(project.Variables)
            {
                ["COMPOSE_PROJECT_NAME"] = project.Name,
                ["COMPOSE_FILE"] = string.Join(':', images.Files),
                ["PAYMENTS_COMPOSE_NO_BUILD"] = "1",
                ["RUN_DIR"] = runDirectory.FullName,
                ["DEMO_ORDERS"] = DemoOrders.ToString(CultureInfo.InvariantCulture),
            };

            var run = await Command.RunAsync("/bin/bash", [Path.Combine(Repository.Root, "scripts", "run.sh"), "--compose", "--exit-after-demo"],
                ScriptTimeout, cancellationToken, environment);
            TestContext.Current.SendDiagnosticMessage(run.Output);

            run.ExitCode.ShouldBe(0, run.Output);
            run.Output.ShouldContain($"Every one of {DemoOrders} orders matches the provider's state.", customMessage: run.Output);
            run.Output.ShouldContain($"Stopped what this command started (compose project {project.Name}).", customMessage: run.Output);
            (await project.LeftoversAsync(cancellationToken)).ShouldBeEmpty($"`down -v --remove-orphans` must leave nothing of {project.Name}");
        }
        finally
        {
            runDirectory.Delete(recursive: true);
        }
    }
}
