using Spectre.Console;

namespace Payments.Cli.Api;

/// <summary>Prints what went wrong: the request, the status and the problem details the service gave.</summary>
public static class ProblemView
{
    public static void Write(IAnsiConsole console, ApiException error)
    {
        console.MarkupLine($"[red]error:[/] {Markup.Escape(error.Message)}");
        if (error.Problem is { } problem)
        {
            WriteLine(console, "title", problem.Title);
            WriteLine(console, "detail", problem.Detail);
            WriteLine(console, "reason", problem.Reason);
            WriteLine(console, "type", problem.Type);
            foreach (var (field, messages) in problem.Errors ?? [])
            {
                foreach (var message in messages)
                {
                    WriteLine(console, field, message);
                }
            }
        }
        else if (!string.IsNullOrWhiteSpace(error.Body))
        {
            WriteLine(console, "body", error.Body.Length > 500 ? error.Body[..500] + "…" : error.Body);
        }
    }

    private static void WriteLine(IAnsiConsole console, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            console.MarkupLine($"  [bold]{Markup.Escape(label)}:[/] {Markup.Escape(value)}");
        }
    }
}
