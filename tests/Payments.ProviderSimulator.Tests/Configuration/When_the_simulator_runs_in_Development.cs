using System.Net;
using Payments.ProviderSimulator.Tests.Infrastructure;

namespace Payments.ProviderSimulator.Tests.Configuration;

/// <summary>In Development the simulator starts without Simulator:AllowOutsideDevelopment, and its settings carry an admin key.</summary>
public sealed class When_the_simulator_runs_in_Development
{
    // appsettings.Development.json's admin key: what scripts and the demo send on a developer's machine.
    private const string DevelopmentAdminKey = "sim_admin_sandbox_dev";

    [Fact]
    public async Task Should_open_the_controls_to_the_development_admin_key_only()
    {
        await using var app = new SimulatorApp(environment: "Development");

        var withKey = await app.Client(DevelopmentAdminKey).GetAsync("/sim/stats", TestContext.Current.CancellationToken);
        var withoutKey = await app.Client(null).GetAsync("/sim/stats", TestContext.Current.CancellationToken);

        withKey.StatusCode.ShouldBe(HttpStatusCode.OK);
        withoutKey.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Should_not_take_the_development_admin_key_elsewhere()
    {
        await using var app = new SimulatorApp(environment: "Production");

        var response = await app.Client(DevelopmentAdminKey).GetAsync("/sim/stats", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
