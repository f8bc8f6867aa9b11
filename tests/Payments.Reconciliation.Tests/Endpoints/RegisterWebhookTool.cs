using System.Diagnostics;
using Payments.Testing.Services;

namespace Payments.Reconciliation.Tests.Endpoints;

/// <summary>
/// tools/Payments.RegisterWebhook as scripts/register-webhook.sh runs it (`dotnet Payments.RegisterWebhook.dll ...`),
/// built in the tests' configuration, with Provider:BaseUrl and Provider:ApiKey from the environment.
/// </summary>
internal static class RegisterWebhookTool
{
    private const string Name = "Payments.RegisterWebhook";

    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string providerBaseUrl, string apiKey, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Locate());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["Provider__BaseUrl"] = providerBaseUrl;
        start.Environment["Provider__ApiKey"] = apiKey;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await errors);
    }

    // Next to the services' binaries: tools/{name}/bin/{configuration}/net10.0/{name}.dll.
    private static string Locate()
    {
        var service = new FileInfo(ServiceProcess.Locate("Payments.ProviderSimulator"));
        var configuration = service.Directory!.Parent!.Name;
        var root = service.Directory.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "tools", Name, "bin", configuration, "net10.0", Name + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{Name} is not built for {configuration}.", dll);
    }
}
