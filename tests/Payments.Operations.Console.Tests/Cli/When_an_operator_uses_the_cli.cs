using System.Net.Http.Json;
using System.Text.Json;
using Payments.Cli;
using Payments.Contracts;
using Payments.Messaging.Outbox;
using Payments.Messaging.Wire;
using Payments.Operations.Console.Tests.Infrastructure;
using Payments.ServiceDefaults.Security;
using Payments.Testing;
using Payments.Testing.Messaging;
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
    public async Task Should_replay_exactly_what_the_filter_matches_and_leave_the_rest_dead()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var first = await DeadLetters.PaymentForUnknownOrderAsync(system, cancellationToken);
        var second = await DeadLetters.AnotherPaymentForAsync(system, first, cancellationToken);
        var other = await DeadLetters.PaymentForUnknownOrderAsync(system, cancellationToken);
        await system.OrdersDatabase.CreateOrderAsync(first.OrderId, first.PaymentId);
        await system.OrdersDatabase.CreateOrderAsync(other.OrderId, other.PaymentId);

        var (exitCode, output) = await Cli.RunAsync(["dead-letters", "replay", "--order", first.OrderId.ToString(), "--batch-size", "1", .. Connection]);

        exitCode.ShouldBe(ExitCodes.Ok);
        output.ShouldMatch(@"Requested\s*│\s*2\s");
        output.ShouldMatch(@"Replayed\s*│\s*2\s");
        output.ShouldMatch(@"Requests\s*│\s*2\s");
        (await DeadLetters.StateAsync(system, first.DeadLetterId, cancellationToken)).ShouldBe("replayed");
        (await DeadLetters.StateAsync(system, second.DeadLetterId, cancellationToken)).ShouldBe("replayed");
        await Eventually.TrueAsync(async () => await system.OrdersDatabase.EventCountAsync(first.OrderId) == 2,
            TimeSpan.FromSeconds(20), "both replayed payment events to reach the order", cancellationToken);
        (await DeadLetters.StateAsync(system, other.DeadLetterId, cancellationToken)).ShouldBe("dead");
        (await system.OrdersDatabase.EventCountAsync(other.OrderId)).ShouldBe(0);
        var (_, list) = await Cli.RunAsync(["dead-letters", "list", "--order", other.OrderId.ToString(), .. Connection]);
        list.ShouldMatch(@"│\s*dead\s*│");
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
        (await system.OperationsAudit.MentioningAsync($"ids {made.DeadLetterId}:")).ShouldHaveSingleItem()
            .Target.ShouldBe($"/api/dead-letters/discard: ids {made.DeadLetterId}: 1 discarded (order never created)");
        var (_, list) = await Cli.RunAsync(["dead-letters", "list", "--order", made.OrderId.ToString(), .. Connection]);
        list.ShouldMatch(@"│\s*discarded\s*│");
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
    public async Task Should_requeue_a_parked_outbox_row_which_orders_then_publishes()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var id = Guid.NewGuid();
        var paid = new OrderPaid(Guid.NewGuid(), "pi_parked", 4200, "EUR", "buyer@example.com", DateTimeOffset.UtcNow, Guid.NewGuid());
        await using var bus = await TestBus.ConnectAsync(system.Broker);
        var watched = await bus.WatchAsync(typeof(OrderPaid));
        await system.OrdersDatabase.ParkAsync(id, MessageUrn.For(typeof(OrderPaid)), MessageUrn.ExchangeFor(typeof(OrderPaid)),
            JsonSerializer.Serialize(paid, OutboxWriter.Json));

        var (listed, list) = await Cli.RunAsync(["parked", "list", .. Connection]);
        listed.ShouldBe(ExitCodes.Ok);
        list.ShouldContain(id.ToString());

        var (exitCode, output) = await Cli.RunAsync(["parked", "requeue", "orders", id.ToString(), .. Connection]);

        exitCode.ShouldBe(ExitCodes.Ok);
        output.ShouldContain($"Requeued orders {id}.");
        (await system.OrdersDatabase.IsParkedAsync(id)).ShouldBeFalse();
        var published = new List<(string Type, string MessageId, JsonElement Message)>();
        await Eventually.TrueAsync(async () =>
        {
            published.AddRange(await bus.DrainAsync(watched));
            return published.Any(m => m.MessageId == id.ToString());
        }, TimeSpan.FromSeconds(20), "Orders' relay to publish the requeued row", cancellationToken);
        published.Single(m => m.MessageId == id.ToString()).Message.GetProperty("orderId").GetGuid().ShouldBe(paid.OrderId);
        var audited = (await system.OperationsAudit.MentioningAsync(id.ToString())).ShouldHaveSingleItem();
        audited.Action.ShouldBe("POST /api/parked/{service}/{id:guid}/requeue");
        audited.Target.ShouldBe($"/api/parked/orders/{id}/requeue: the service answered 204");
        audited.StatusCode.ShouldBe(204);
        (await system.OrdersDatabase.Audit.MentioningAsync(id.ToString())).ShouldHaveSingleItem().StatusCode.ShouldBe(204);
        (await Cli.RunAsync(["parked", "list", .. Connection])).Output.ShouldNotContain(id.ToString());
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
