using System.Net;
using Microsoft.Playwright;
using Payments.Operations.Console.Tests.Infrastructure;
using Payments.ServiceDefaults.Security;
using Payments.Testing.Security;

namespace Payments.Operations.Console.Tests.SignIn;

[Collection(ConsoleCollection.Name)]
public sealed class When_an_operator_signs_in(ConsoleSystem system)
{
    [Fact]
    public async Task Should_serve_the_console_anonymously_with_a_same_origin_policy()
    {
        using var http = new HttpClient { BaseAddress = new Uri(system.Url) };
        using var page = await http.GetAsync(new Uri("/index.html", UriKind.Relative), TestContext.Current.CancellationToken);

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("default-src 'self';");
        using var api = await http.GetAsync(new Uri("/api/dead-letters", UriKind.Relative), TestContext.Current.CancellationToken);
        api.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Should_load_nothing_from_another_origin_and_break_no_policy()
    {
        await using var browser = await BrowserSession.OpenAsync(system.Url);

        await browser.SignInAsync(OperatorToken(), "/#/dead-letters");
        await browser.Page.WaitForSelectorAsync("h1:has-text('Dead letters')");
        await Screenshots.TakeAsync(browser.Page, "signed-in");

        browser.Requests.Select(r => r.Url).ShouldAllBe(url => url.StartsWith(system.Url + "/"));
        browser.ConsoleErrors.ShouldNotContain(text => text.Contains("Content Security Policy"));
        browser.Requests.Select(r => r.Url).ShouldContain(url => url.EndsWith("/js/app.js"));
    }

    [Fact]
    public async Task Should_keep_the_token_in_the_tab_and_send_it_only_in_the_authorization_header()
    {
        await using var browser = await BrowserSession.OpenAsync(system.Url);
        var token = OperatorToken();

        var apiCall = browser.Page.WaitForRequestAsync(request => request.Url.Contains("/api/"));
        await browser.SignInAsync(token);
        var request = await apiCall;

        (await request.AllHeadersAsync())["authorization"].ShouldBe($"Bearer {token}");
        browser.Requests.ShouldAllBe(r => !r.Url.Contains(token));
        (await browser.Context.CookiesAsync()).ShouldBeEmpty();
        (await browser.Page.EvaluateAsync<string>("sessionStorage.getItem('payments.ops.token')")).ShouldBe(token);
        (await browser.Page.EvaluateAsync<int>("localStorage.length")).ShouldBe(0);
        browser.Requests.Where(r => !r.Url.Contains("/api/")).ShouldAllBe(r => !r.Headers.ContainsKey("authorization"));
    }

    [Fact]
    public async Task Should_refuse_what_is_not_a_token_and_store_nothing()
    {
        await using var browser = await BrowserSession.OpenAsync(system.Url);

        await browser.SignInAsync("not a token");

        (await browser.Page.TextContentAsync("#message") ?? "").ShouldContain("not a JWT");
        (await browser.Page.EvaluateAsync<string?>("sessionStorage.getItem('payments.ops.token')")).ShouldBeNull();
        browser.Requests.ShouldNotContain(r => r.Url.Contains("/api/"));
    }

    [Fact]
    public async Task Should_send_a_token_for_another_audience_back_to_sign_in()
    {
        await using var browser = await BrowserSession.OpenAsync(system.Url);

        await browser.SignInAsync(TestTokens.For(ApiAudiences.Orders, Scopes.PaymentsOps), "/#/dead-letters");

        // The sign-in form is still on the page while the refused call is in flight: wait for the refusal itself.
        await browser.Page.WaitForSelectorAsync("#message:has-text('refused')");
        await browser.Page.WaitForSelectorAsync("#sign-in");
        (await browser.Page.EvaluateAsync<string?>("sessionStorage.getItem('payments.ops.token')")).ShouldBeNull();
    }

    private static string OperatorToken() => TestTokens.For(ApiAudiences.Operations, Scopes.PaymentsOps);
}
