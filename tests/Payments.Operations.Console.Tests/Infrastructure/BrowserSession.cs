using Microsoft.Playwright;

namespace Payments.Operations.Console.Tests.Infrastructure;

/// <summary>
/// One test's browser: a fresh context (no storage shared between tests), every request it made, and everything the
/// page printed to its console, so a test can assert that nothing left the service's origin and no policy refused a load.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public required IBrowserContext Context { get; init; }

    public required IPage Page { get; init; }

    public List<IRequest> Requests { get; } = [];

    public List<string> ConsoleErrors { get; } = [];

    public static async Task<BrowserSession> OpenAsync(string baseUrl)
    {
        Chromium.SkipUnlessInstalled();
        var (playwright, browser) = await Chromium.LaunchAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var session = new BrowserSession { Context = context, Page = page, playwright = playwright, browser = browser };
        page.Request += (_, request) => { lock (session.Requests) session.Requests.Add(request); };
        page.Console += (_, message) => { if (message.Type == "error") lock (session.ConsoleErrors) session.ConsoleErrors.Add(message.Text); };
        page.PageError += (_, error) => { lock (session.ConsoleErrors) session.ConsoleErrors.Add(error); };
        return session;
    }

    /// <summary>Opens the console and signs in with the token, as an operator pasting it would.</summary>
    public async Task SignInAsync(string token, string path = "/")
    {
        await Page.GotoAsync(path);
        await Page.FillAsync("#token", token);
        await Page.ClickAsync("#sign-in button[type=submit]");
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
    }
}
