using System.CommandLine;
using Spectre.Console;

namespace Payments.Cli.Orders;

/// <summary><c>payments order show ID</c>.</summary>
public static class OrderCommands
{
    public static Command Build(GlobalOptions global, IAnsiConsole console)
    {
        var id = new Argument<string>("id") { Description = "An order id, a provider payment id or a provider event id." };
        var show = new Command("show", "One payment's story: webhooks, transitions, emails, checks.") { id };
        show.SetAction(async (parsed, cancellationToken) =>
        {
            using var client = global.CreateClient(parsed);
            var q = parsed.GetValue(id)!.Trim();
            var found = await client.FindAsync<OrderLookup>("api/payments/lookup?q=" + Uri.EscapeDataString(q), cancellationToken);
            if (found is null)
            {
                console.MarkupLine($"[red]error:[/] no order, provider payment or provider event '{Markup.Escape(q)}'.");
                return ExitCodes.Failure;
            }

            var timeline = await client.GetAsync<Timeline>($"api/payments/{Uri.EscapeDataString(found.OrderId)}/timeline", cancellationToken);
            console.Write(TimelineTable.Render(timeline));
            return ExitCodes.Ok;
        });
        return new Command("order", "Orders and their payments.") { show };
    }
}
