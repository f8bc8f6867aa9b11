using Microsoft.Playwright;

namespace Payments.Operations.Console.Tests.Infrastructure;

/// <summary>
/// Debian's headless Chromium (apt-get install chromium; scripts/test.sh installs it) driven by Playwright. Playwright's
/// own browser download is never used: it cannot reach the internet here, and CI should test the packaged browser.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // Without the background-networking switches Chromium keeps dialling Google's hosts, refused by a closed network.
    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Skips the calling test, saying why, when the browser is not installed.</summary>
    public static void SkipUnlessInstalled() =>
        Assert.SkipUnless(File.Exists(ExecutablePath), $"{ExecutablePath} is absent: install Debian's chromium package (scripts/test.sh does) to run the console tests.");

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
        });
        return (playwright, browser);
    }
}
