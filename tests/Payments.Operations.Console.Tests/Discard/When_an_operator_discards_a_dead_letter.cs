using System.Net.Http.Json;
using System.Text.Json;
using Payments.Operations.Console.Tests.Infrastructure;
using Payments.Testing;

namespace Payments.Operations.Console.Tests.Discard;

/// <summary>
/// A payment event for an order that will never exist: the operator selects its dead letter, says why and discards
/// it. The row is no longer dead (nothing more to act on), the dead letter keeps who discarded it and why, and the
/// audit records the reason; a discard without a reason is refused by the page before anything is sent.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class When_an_operator_discards_a_dead_letter(ConsoleSystem system)
{
    private const string Reason = "test order, never created";

    [Fact]
    public async Task Should_record_the_reason()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var made = await DeadLetters.PaymentForUnknownOrderAsync(system, cancellationToken);
        var kept = await DeadLetters.PaymentForUnknownOrderAsync(system, cancellationToken);
        await using var browser = await BrowserSession.OpenAsync(system.Url);
        var page = browser.Page;

        await browser.SignInAsync(DeadLetters.OperatorToken());
        await page.ClickAsync("a[data-view=dead-letters]");
        var row = page.Locator($"tr[data-id='{made.DeadLetterId}']");
        await row.Locator("input[type=checkbox]").CheckAsync();
        await page.ClickAsync("#discard-selected");
        await page.WaitForSelectorAsync("#message:has-text('Say why before discarding.')");
        (await DeadLetters.StateAsync(system, made.DeadLetterId, cancellationToken)).ShouldBe("dead");

        await page.FillAsync("#discard-reason", Reason);
        await page.ClickAsync("#discard-selected");
        await page.WaitForSelectorAsync("#message:has-text('Discarded 1.')");
        await row.Locator(".status").GetByText("discarded").WaitForAsync();
        (await row.Locator("input[type=checkbox]").IsCheckedAsync()).ShouldBeFalse();
        await Screenshots.TakeAsync(page, "dead-letter-discarded");

        using var http = DeadLetters.OperatorClient(system);
        var detail = await http.GetFromJsonAsync<JsonElement>($"/api/dead-letters/{made.DeadLetterId}", cancellationToken);
        detail.GetProperty("state").GetString().ShouldBe("discarded");
        detail.GetProperty("discardReason").GetString().ShouldBe(Reason);
        detail.GetProperty("discardedBy").GetString().ShouldBe("console-operator");
        var audited = (await system.OperationsAudit.MentioningAsync($"ids {made.DeadLetterId}:")).ShouldHaveSingleItem();
        audited.Action.ShouldBe("POST /api/dead-letters/discard");
        audited.Subject.ShouldBe("console-operator");
        audited.Target.ShouldBe($"/api/dead-letters/discard: ids {made.DeadLetterId}: 1 discarded ({Reason})");
        (await DeadLetters.StateAsync(system, kept.DeadLetterId, cancellationToken)).ShouldBe("dead");
        browser.ConsoleErrors.ShouldNotContain(text => text.Contains("Content Security Policy"));
    }
}
