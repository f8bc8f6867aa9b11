using Microsoft.Playwright;
using Payments.Operations.Console.Tests.Infrastructure;
using Payments.Testing;

namespace Payments.Operations.Console.Tests.Replay;

/// <summary>
/// A payment arrived before its order existed, so Orders dead-lettered it. Once the order exists, an operator signs in,
/// finds the order by its provider event id, reads its timeline, replays the dead letter from the dead-letters page and
/// sees the order paid: through the real browser, the real Operations service and the real Orders service.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class When_an_operator_replays_a_dead_letter(ConsoleSystem system)
{
    [Fact]
    public async Task Should_see_the_order_paid_on_its_timeline()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var made = await DeadLetters.PaymentForUnknownOrderAsync(system, cancellationToken);
        await system.OrdersDatabase.CreateOrderAsync(made.OrderId, made.PaymentId);
        await using var browser = await BrowserSession.OpenAsync(system.Url);
        var page = browser.Page;

        await browser.SignInAsync(DeadLetters.OperatorToken());
        await page.FillAsync("#search-q", made.OrderId.ToString());
        await page.ClickAsync("#search button[type=submit]");
        await page.WaitForSelectorAsync($"#order-id:has-text('{made.OrderId}')");
        (await page.TextContentAsync("#order-status")).ShouldNotBe("paid");
        await Screenshots.TakeAsync(page, "timeline-before-replay");

        await page.ClickAsync("a[data-view=dead-letters]");
        await page.FillAsync("#filter-orderId", made.OrderId.ToString());
        await page.ClickAsync("#dead-letter-filter button[type=submit]");
        // The unfiltered page shown on opening the view holds this row too: wait for the filtered answer to replace it.
        await Eventually.ValueAsync(() => page.Locator("tbody tr").CountAsync(), rows => rows == 1, TimeSpan.FromSeconds(10),
            "the filter to run on the server and leave one row", TestContext.Current.CancellationToken);
        var row = page.Locator($"tr[data-id='{made.DeadLetterId}']");
        await row.WaitForAsync();
        await row.ClickAsync();
        await page.WaitForSelectorAsync($"#dead-letter-body:has-text('{made.OrderId}')");
        await row.Locator("input[type=checkbox]").CheckAsync();
        await Screenshots.TakeAsync(page, "dead-letter-selected");
        await page.ClickAsync("#replay-selected");
        await page.WaitForSelectorAsync("#message:has-text('Replayed 1.')");
        await page.Locator($"tr[data-id='{made.DeadLetterId}'] .status").GetByText("replayed").WaitForAsync();

        await Eventually.TrueAsync(async () => await system.OrdersDatabase.StatusAsync(made.OrderId) == "paid",
            TimeSpan.FromSeconds(20), "the replayed payment to pay the order", cancellationToken);
        await page.FillAsync("#search-q", made.ProviderEventId);
        await page.ClickAsync("#search button[type=submit]");
        await page.Locator("#order-status").GetByText("paid").WaitForAsync();
        await page.WaitForSelectorAsync("tr[data-kind=webhook]");
        await Screenshots.TakeAsync(page, "timeline-after-replay");
        (await system.OrdersDatabase.EventCountAsync(made.OrderId)).ShouldBe(1);
        browser.ConsoleErrors.ShouldNotContain(text => text.Contains("Content Security Policy"));
    }
}
