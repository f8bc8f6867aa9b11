using Microsoft.Playwright;
using Payments.Operations.Console.Tests.Infrastructure;

namespace Payments.Operations.Console.Tests.Now;

/// <summary>
/// "Now" asks every service, so it can be the slowest answer the console waits for. An operator who signs in and opens
/// the dead letters before it answers keeps the dead letters: the late answer is dropped, not drawn over them.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class When_now_answers_after_the_operator_moved_on(ConsoleSystem system)
{
    [Fact]
    public async Task Should_keep_the_view_the_operator_opened()
    {
        await using var browser = await BrowserSession.OpenAsync(system.Url);
        var page = browser.Page;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/api/now", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });

        await browser.SignInAsync(DeadLetters.OperatorToken());
        await page.ClickAsync("a[data-view=dead-letters]");
        await page.Locator("h1").GetByText("Dead letters").WaitForAsync();
        var nowAnswered = page.WaitForResponseAsync(response => response.Url.EndsWith("/api/now") && response.Ok);
        release.SetResult();
        await nowAnswered;
        // The answer's body is read and handled on the page's next turns: let them run before looking.
        await page.EvaluateAsync("() => new Promise(resolve => setTimeout(resolve, 250))");

        (await page.Locator("h1").TextContentAsync()).ShouldBe("Dead letters");
        (await page.Locator("a[data-view=dead-letters]").GetAttributeAsync("class")).ShouldBe("active");
        await page.Locator("#dead-letter-filter").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 1_000 });
    }
}
