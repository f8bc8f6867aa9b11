using Microsoft.Playwright;

namespace Payments.Operations.Console.Tests.Infrastructure;

/// <summary>Screenshots kept as test artifacts under artifacts/screenshots/ at the repository root.</summary>
public static class Screenshots
{
    public static readonly string Directory = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public static async Task TakeAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, name + ".png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Payments.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Payments.sln above {AppContext.BaseDirectory}.");
    }
}
