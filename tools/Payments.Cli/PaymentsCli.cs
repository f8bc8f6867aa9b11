using System.CommandLine;
using Payments.Cli.Api;
using Payments.Cli.DeadLetters;
using Payments.Cli.Orders;
using Payments.Cli.Parked;
using Spectre.Console;

namespace Payments.Cli;

/// <summary>The command tree; every command writes to the console it is given and returns an exit code.</summary>
public static class PaymentsCli
{
    public static RootCommand Build(IAnsiConsole console)
    {
        var global = new GlobalOptions();
        var root = new RootCommand("Operate Payments through the Operations service: dead letters, parked messages, one order's story.")
        {
            global.Url,
            global.Token,
            DeadLetterCommands.Build(global, console),
            OrderCommands.Build(global, console),
            ParkedCommands.Build(global, console),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var parsed = Build(console).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                console.MarkupLine($"[red]error:[/] {Markup.Escape(error.Message)}");
            }

            console.MarkupLine("See [bold]payments --help[/].");
            return ExitCodes.Usage;
        }

        try
        {
            // Our own handler below prints problem details and picks the exit code, so the library's is off.
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (UsageException e)
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return ExitCodes.Usage;
        }
        catch (ApiException e)
        {
            ProblemView.Write(console, e);
            return ExitCodes.Failure;
        }
        catch (HttpRequestException e)
        {
            console.MarkupLine($"[red]error:[/] cannot reach the Operations service: {Markup.Escape(e.Message)}");
            return ExitCodes.Failure;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("[red]error:[/] the Operations service did not answer in time.");
            return ExitCodes.Failure;
        }
    }
}
