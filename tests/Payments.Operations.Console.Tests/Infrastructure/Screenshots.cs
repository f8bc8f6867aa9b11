using Microsoft.Playwright;
using Payments.Testing;

namespace Payments.Operations.Console.Tests.Infrastructure;

/// <summary>Screenshots kept as test artifacts under artifacts/screenshots/ at the repository root.</summary>
public static class Screenshots
{
    public static readonly string Directory = SourceTree.PathOf("artifacts", "screenshots");

    public static async Task TakeAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, name + ".png"), FullPage = true });
    }
}
