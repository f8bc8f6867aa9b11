using System.Diagnostics;
using Payments.Testing;

namespace Payments.Operations.Console.Tests.Cli;

/// <summary>
/// The CLI as an operator gets it: packed as a dotnet tool (from the build these tests already made), installed from
/// that package into a tool path of its own, and run by its command name.
/// </summary>
public sealed class When_the_tool_is_packed_and_installed : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("payments-cli-tool-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Should_install_as_payments_and_answer_its_help()
    {
        var project = SourceTree.PathOf("tools", "Payments.Cli", "Payments.Cli.csproj");
        var configuration = SourceTree.Configuration;
        var packages = Path.Combine(_root, "packages");
        var tools = Path.Combine(_root, "tools");

        var (packed, packOutput) = await RunAsync("dotnet", ["pack", project, "--no-build", "-c", configuration, "-o", packages, "--nologo"]);
        packed.ShouldBe(0);
        packOutput.ShouldNotContain("missing a readme");
        Directory.GetFiles(packages, "Payments.Cli.*.nupkg").ShouldHaveSingleItem();
        (await RunAsync("dotnet", ["tool", "install", "Payments.Cli", "--tool-path", tools, "--add-source", packages, "--ignore-failed-sources"]))
            .ExitCode.ShouldBe(0);
        var (exitCode, output) = await RunAsync(Path.Combine(tools, "payments"), ["--help"]);

        exitCode.ShouldBe(0);
        output.ShouldContain("payments [command] [options]");
        output.ShouldContain("dead-letters");
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments)
    {
        var startInfo = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _root };
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var all = await output + await error;
        TestContext.Current.TestOutputHelper?.WriteLine($"$ {file} {string.Join(' ', arguments)}\n{all}");
        return (process.ExitCode, all);
    }
}
