using Payments.Cli;
using Spectre.Console.Testing;

namespace Payments.Operations.Console.Tests.Cli;

/// <summary>Runs `payments ...` in-process, as the tool would, and keeps what it printed.</summary>
public static class Cli
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(220);
        var exitCode = await PaymentsCli.RunAsync(args, console, TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine($"payments {string.Join(' ', args.Select(a => a.Length > 40 ? a[..10] + "…" : a))} -> {exitCode}\n{console.Output}");
        return (exitCode, console.Output);
    }
}
