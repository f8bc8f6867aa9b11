using Payments.Cli.DeadLetters;
using Payments.Cli.Orders;
using Spectre.Console.Testing;

namespace Payments.Operations.Console.Tests.Cli;

/// <summary>What the tables show: text from the service printed as text (never as markup), and where a page is.</summary>
public sealed class When_tables_are_rendered
{
    [Fact]
    public void Should_print_a_reason_with_brackets_literally_and_say_where_the_page_is()
    {
        var console = new TestConsole().Width(200);
        var page = new DeadLetterPage(
            [new DeadLetter("7", "orders-payment-events_error", "PaymentEventReceived", "[red]boom[/]", null, DateTimeOffset.Parse("2026-12-01T10:00:00Z"), "o-1", null, null, "dead")],
            Total: 120, Page: 2, PageSize: 50);

        console.Write(DeadLetterTable.Render(page));

        console.Output.ShouldContain("[red]boom[/]");
        console.Output.ShouldContain("2026-12-01 10:00:00");
        console.Output.ShouldContain("page 2 of 3, 120 in all");
    }

    [Fact]
    public void Should_name_the_services_missing_from_a_timeline()
    {
        var console = new TestConsole().Width(200);
        var timeline = new Timeline("o-1", "paid",
            [new TimelineStep(DateTimeOffset.Parse("2026-12-01T10:00:00Z"), "webhook", "orders", "succeeded from stripe", "4bf92f3577b34da6a3ce929d0e0e4736", null)],
            ["notifications"]);

        console.Write(TimelineTable.Render(timeline));

        console.Output.ShouldContain("Order o-1: paid");
        console.Output.ShouldContain("succeeded from stripe");
        console.Output.ShouldContain("4bf92f3577b34da6a3ce929d0e0e4736");
        console.Output.ShouldContain("missing from this story: notifications");
    }

    [Fact]
    public void Should_say_how_many_of_a_bulk_action_the_service_left_alone()
    {
        var console = new TestConsole().Width(200);

        console.Write(new BulkSummary("Replayed", Requested: 250, Done: 248, Batches: 3).Render());

        console.Output.ShouldContain("Left alone by the service");
        console.Output.ShouldMatch(@"Left alone by the service\s*│\s*2\s");
    }
}
