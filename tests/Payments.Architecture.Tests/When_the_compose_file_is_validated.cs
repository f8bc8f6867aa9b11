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
        };
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        process.ExitCode.ShouldBe(0, errors);
    }
}
