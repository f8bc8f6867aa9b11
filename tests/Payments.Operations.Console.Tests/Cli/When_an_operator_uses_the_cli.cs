using System.Net.Http.Json;
using System.Text.Json;
using Payments.Cli;
using Payments.Operations.Console.Tests.Infrastructure;
using Payments.ServiceDefaults.Security;
using Payments.Testing;
using Payments.Testing.Security;

namespace Payments.Operations.Console.Tests.Cli;

/// <summary>`payments` against the real Operations service, on dead letters Orders really made.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class When_an_operator_uses_the_cli(ConsoleSystem system)
{
    private string[] Connection => ["--url", system.Url, "--token", DeadLetters.OperatorToken()];

    [Fact]
    public async Task Should_list_replay_by_filter_and_show_the_paid_order()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var made = await DeadLetters.PaymentForUnknownOrderAsync(system, cancellationToken);
        await system.OrdersDatabase.CreateOrderAsync(made.OrderId, made.PaymentId);

        var (listed, list) = await Cli.RunAsync(["dead-letters", "list", "--order", made.OrderId.ToString(), .. Connection]);
        listed.ShouldBe(ExitCodes.Ok);
        list.ShouldContain(made.OrderId.ToString());
        list.ShouldContain("page 1 of 1, 1 in all");

        var (replayed, replay) = await Cli.RunAsync(["dead-letters", "replay", "--order", made.OrderId.ToString(), .. Connection]);
        replayed.ShouldBe(ExitCodes.Ok);
        replay.ShouldMatch(@"Replayed\s*│\s*1\s");
        await Eventually.TrueAsync(async () => await system.OrdersDatabase.StatusAsync(made.OrderId) == "paid",
            TimeSpan.FromSeconds(20), "the replayed payment to pay the order", cancellationToken);

        // By filter, only what is still dead is sent again.
        var (again, second) = await Cli.RunAsync(["dead-letters", "replay", "--order", made.OrderId.ToString(), .. Connection]);
        again.ShouldBe(ExitCodes.Ok);
        second.ShouldMatch(@"Requested\s*│\s*0\s");

        var (shown, story) = await Cli.RunAsync(["order", "show", made.ProviderEventId, .. Connection]);
        shown.ShouldBe(ExitCodes.Ok);
        story.ShouldContain($"Order {made.OrderId}: paid");
        (await system.OrdersDatabase.EventCountAsync(made.OrderId)).ShouldBe(1);
    }

    [Fact]
    public async Task Should_replay_many_in_pages_and_count_what_moved()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var made = new List<DeadLetters.Made>();
        for (var i = 0; i < 5; i++)
        {
            made.Add(await DeadLetters.PaymentForUnknownOrderAsync(system, cancellationToken));
        }

        foreach (var one in made)
        {
            await system.OrdersDatabase.CreateOrderAsync(one.OrderId, one.PaymentId);
        }

        var ids = made.SelectMany(m => new[] { "--id", m.DeadLetterId.ToString() }).ToArray();
        var (exitCode, output) = await Cli.RunAsync(["dead-letters", "replay", .. ids, "--batch-size", "2", .. Connection]);

        exitCode.ShouldBe(ExitCodes.Ok);
        output.ShouldMatch(@"Replayed\s*│\s*5\s");
        output.ShouldMatch(@"Requests\s*│\s*3\s");
        foreach (var one in made)
        {
            await Eventually.TrueAsync(async () => await system.OrdersDatabase.StatusAsync(one.OrderId) == "paid",
                TimeSpan.FromSeconds(20), "every replayed payment to pay its order", cancellationToken);
        }
    }

    [Fact]
    public async Task Should_discard_one_with_its_reason()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var made = await DeadLetters.PaymentForUnknownOrderAsync(system, cancellationToken);

        var (exitCode, output) = await Cli.RunAsync(["dead-letters", "discard", "--id", made.DeadLetterId.ToString(), "--reason", "order never created", .. Connection]);

        exitCode.ShouldBe(ExitCodes.Ok);
        output.ShouldMatch(@"Discarded\s*│\s*1\s");
        using var http = DeadLetters.OperatorClient(system);
        var detail = await http.GetFromJsonAsync<JsonElement>($"/api/dead-letters/{made.DeadLetterId}", cancellationToken);
        detail.GetProperty("state").GetString().ShouldBe("discarded");
        detail.GetProperty("discardReason").GetString().ShouldBe("order never created");
    }

    [Fact]
    public async Task Should_print_the_problem_details_and_answer_1_when_the_service_refuses()
    {
        var (exitCode, output) = await Cli.RunAsync(["dead-letters", "list", "--from", "2026-12-02T00:00:00Z", "--to", "2026-12-01T00:00:00Z", .. Connection]);

        exitCode.ShouldBe(ExitCodes.Failure);
        output.ShouldContain("400");
        output.ShouldContain("Invalid dead-letter query");
        output.ShouldContain("Must be after from.");
    }

    [Fact]
    public async Task Should_answer_1_with_a_token_for_another_audience()
    {
        var (exitCode, output) = await Cli.RunAsync("dead-letters", "list", "--url", system.Url, "--token", TestTokens.For(ApiAudiences.Orders, Scopes.PaymentsOps));

        exitCode.ShouldBe(ExitCodes.Failure);
        output.ShouldContain("401");
    }

    [Fact]
    public async Task Should_list_parked_and_name_the_services_that_did_not_answer()
    {
        var (exitCode, output) = await Cli.RunAsync(["parked", "list", .. Connection]);

        exitCode.ShouldBe(ExitCodes.Ok);
        output.ShouldContain("not answering:");
        output.ShouldContain("notifications");
    }

    [Fact]
    public async Task Should_print_the_owner_s_problem_when_a_requeue_names_nothing_parked()
    {
        var (exitCode, output) = await Cli.RunAsync(["parked", "requeue", "orders", Guid.NewGuid().ToString(), .. Connection]);

        exitCode.ShouldBe(ExitCodes.Failure);
        output.ShouldContain("/api/parked/orders/");
        output.ShouldContain("404");
    }
}
