using Payments.Operations.Console.Tests.Infrastructure;

namespace Payments.Operations.Console.Tests.Now;

/// <summary>The landing page after sign-in: queue depths, backlogs and counts, and the sources that did not answer.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class When_an_operator_opens_now(ConsoleSystem system)
{
    [Fact]
    public async Task Should_show_the_queues_the_counts_and_who_did_not_answer()
    {
        await using var browser = await BrowserSession.OpenAsync(system.Url);

        await browser.SignInAsync(DeadLetters.OperatorToken());

        await browser.Page.Locator("section[data-section=queues] td").GetByText("orders-payment-events", new() { Exact = true }).WaitForAsync();
        await browser.Page.Locator("section[data-section=deadLetters]").WaitForAsync();
        await browser.Page.Locator("section[data-section=unavailable]").GetByText("notifications").First.WaitForAsync();
        await Screenshots.TakeAsync(browser.Page, "now");
        (await browser.Page.Locator("a[data-view=now]").GetAttributeAsync("class")).ShouldBe("active");
    }
}
