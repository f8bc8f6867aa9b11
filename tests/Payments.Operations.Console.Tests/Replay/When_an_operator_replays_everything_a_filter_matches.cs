using Payments.Operations.Console.Tests.Infrastructure;
using Payments.Testing;

namespace Payments.Operations.Console.Tests.Replay;

/// <summary>
/// Two payment events for one order and one for another were dead-lettered before their orders existed; both orders
/// exist now. An operator filters the dead-letters page by the first order and replays all that match: exactly those
/// two go back to Orders, and the other order's dead letter stays dead (its order stays unpaid).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class When_an_operator_replays_everything_a_filter_matches(ConsoleSystem system)
{
    [Fact]
    public async Task Should_move_only_the_matching_dead_letters()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var first = await DeadLetters.PaymentForUnknownOrderAsync(system, cancellationToken);
        var second = await DeadLetters.AnotherPaymentForAsync(system, first, cancellationToken);
        var other = await DeadLetters.PaymentForUnknownOrderAsync(system, cancellationToken);
        await system.OrdersDatabase.CreateOrderAsync(first.OrderId, first.PaymentId);
        await system.OrdersDatabase.CreateOrderAsync(other.OrderId, other.PaymentId);
        await using var browser = await BrowserSession.OpenAsync(system.Url);
        var page = browser.Page;
        var confirmations = new List<string>();
        page.Dialog += async (_, dialog) => { confirmations.Add(dialog.Message); await dialog.AcceptAsync(); };

        await browser.SignInAsync(DeadLetters.OperatorToken());
        await page.ClickAsync("a[data-view=dead-letters]");
        await page.FillAsync("#filter-orderId", first.OrderId.ToString());
        await page.ClickAsync("#dead-letter-filter button[type=submit]");
        await page.Locator("#replay-matching").GetByText("Replay all 2 matching").WaitForAsync();
        (await page.Locator("tbody tr").CountAsync()).ShouldBe(2);
        await Screenshots.TakeAsync(page, "dead-letters-filtered-for-replay-all");
        await page.ClickAsync("#replay-matching");
        await page.WaitForSelectorAsync("#message:has-text('Replayed 2.')");

        confirmations.ShouldBe(["Replay all 2 dead letters matching this filter?"]);
        foreach (var id in new[] { first.DeadLetterId, second.DeadLetterId })
        {
            await page.Locator($"tr[data-id='{id}'] .status").GetByText("replayed").WaitForAsync();
        }

        await Eventually.TrueAsync(async () => await system.OrdersDatabase.EventCountAsync(first.OrderId) == 2,
            TimeSpan.FromSeconds(20), "both replayed payment events to reach the order", cancellationToken);
        (await system.OrdersDatabase.StatusAsync(first.OrderId)).ShouldBe("paid");
        (await DeadLetters.StateAsync(system, other.DeadLetterId, cancellationToken)).ShouldBe("dead");
        (await system.OrdersDatabase.StatusAsync(other.OrderId)).ShouldNotBe("paid");
        (await system.OrdersDatabase.EventCountAsync(other.OrderId)).ShouldBe(0);
        // Every /api call is audited (the list reads of the filter too); the replay is one row, with what it moved.
        (await system.OperationsAudit.MentioningAsync(first.OrderId.ToString())).Where(e => e.Action == "POST /api/dead-letters/replay")
            .ShouldHaveSingleItem().Target.ShouldEndWith(": 2 replayed");
        browser.ConsoleErrors.ShouldNotContain(text => text.Contains("Content Security Policy"));
    }
}
