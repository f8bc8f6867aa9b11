using System.Diagnostics;

namespace Payments.Operations.Console.Tests.Cli;

/// <summary>
/// The built executable, run as a process: System.CommandLine names the root command after the executable, so the
/// usage line an operator reads must say `payments`, the tool's command, not the project's name.
/// </summary>
public sealed class When_help_is_asked
{
    // The CLI's apphost, copied next to the tests by the project reference, as `dotnet tool install` puts it on PATH.
    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "payments.exe" : "payments");

    [Fact]
    public async Task Should_name_the_command_payments_in_its_usage()
    {
        var startInfo = new ProcessStartInfo(Executable, ["--help"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(startInfo)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(output);

        process.ExitCode.ShouldBe(0);
        var usage = output.Split('\n', StringSplitOptions.TrimEntries).SkipWhile(line => line != "Usage:").Skip(1).First();
        usage.ShouldBe("payments [command] [options]");
        output.ShouldNotContain("Payments.Cli");
    }
}
