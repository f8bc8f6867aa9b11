using System.Diagnostics;

namespace Payments.Architecture.Tests;

public sealed class When_the_compose_file_is_validated
{
    /// <summary>Debian's docker-compose validates the file without any engine (scripts/test.sh installs it).</summary>
    [Fact]
    public async Task Should_pass_docker_compose_config()
    {
        var start = new ProcessStartInfo("docker-compose", ["-f", Repository.PathOf("docker-compose.yml"), "config", "-q"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            // The one variable docker-compose.yml requires (the services' development signing key; any value will do here).
            Environment = { ["PAYMENTS_DEV_SIGNING_KEY"] = Convert.ToBase64String(new byte[32]) },
        };
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        process.ExitCode.ShouldBe(0, errors);
    }
}
