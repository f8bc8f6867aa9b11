using System.Diagnostics;

namespace Payments.Architecture.Tests;

public sealed class When_the_compose_file_is_validated
{
    /// <summary>Debian's docker-compose validates the file without any engine (scripts/test.sh installs it).</summary>
    [Fact]
    public async Task Should_pass_docker_compose_config()
    {
        var (exitCode, errors) = await ConfigAsync(Repository.PathOf(".env.example"));

        exitCode.ShouldBe(0, errors);
    }

    /// <summary>No password is committed: without .env (or the variables) the file names what is missing.</summary>
    [Fact]
    public async Task Should_refuse_to_start_without_the_passwords()
    {
        var empty = Path.GetTempFileName();
        try
        {
            var (exitCode, errors) = await ConfigAsync(empty);

            exitCode.ShouldNotBe(0);
            errors.ShouldContain("set it in .env (cp .env.example .env)");
        }
        finally
        {
            File.Delete(empty);
        }
    }

    private static async Task<(int ExitCode, string Errors)> ConfigAsync(string envFile)
    {
        var start = new ProcessStartInfo("docker-compose", ["--env-file", envFile, "-f", Repository.PathOf("docker-compose.yml"), "config", "-q"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            // The one variable docker-compose.yml requires (the services' development signing key; any value will do here).
            Environment = { ["PAYMENTS_DEV_SIGNING_KEY"] = Convert.ToBase64String(new byte[32]) },
        };
        // Only the env file speaks: passwords a developer exported must not fill the file in.
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(n => n.StartsWith("PAYMENTS_", StringComparison.Ordinal) && n.Contains("PASSWORD", StringComparison.Ordinal)))
            start.Environment.Remove(name);
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, errors);
    }
}
