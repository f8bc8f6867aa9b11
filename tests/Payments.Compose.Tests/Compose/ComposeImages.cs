using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Payments.Testing.Hosting;

namespace Payments.Compose.Tests.Compose;

/// <summary>
/// Once per run: checks that the engine answers and the images docker-compose.yml runs are here, removes what killed
/// runs left behind, guards this run, and builds every service's image from its Dockerfile (as `docker compose build`
/// does for a deployment), so the tests' projects start from the same images.
/// </summary>
public sealed class ComposeImages : IAsyncLifetime
{
    /// <summary>The compose services built from this repository's Dockerfiles.</summary>
    public static readonly IReadOnlyList<string> Services = ["simulator", "ingress", "orders", "notifications", "reconciliation", "operations"];

    // Base images of the Dockerfiles and the infrastructure the compose file runs: their variables and official defaults.
    private static readonly (string Variable, string Official)[] Required =
    [
        ("PAYMENTS_SDK_IMAGE", "mcr.microsoft.com/dotnet/sdk:10.0"),
        ("PAYMENTS_RUNTIME_IMAGE", "mcr.microsoft.com/dotnet/aspnet:10.0"),
        ("PAYMENTS_RABBITMQ_IMAGE", "rabbitmq:3.13-management"),
        ("PAYMENTS_POSTGRES_IMAGE", "postgres:15"),
        ("PAYMENTS_MAILPIT_IMAGE", "axllent/mailpit:v1.27"),
        ("PAYMENTS_JAEGER_IMAGE", "jaegertracing/all-in-one:1.62.0"),
    ];

    public ComposeCli Cli { get; private set; } = null!;

    /// <summary>The compose files of every project: the repository's, and the tests' image names laid over it.</summary>
    public IReadOnlyList<string> Files { get; } = [Repository.ComposeFile, Path.Combine(AppContext.BaseDirectory, "compose.tests.yml")];

    /// <summary>compose.tests.yml's image tag: one per checkout (a hash of its path).</summary>
    public string Tag { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Repository.Root)))[..12];

    public TimeSpan BuildTime { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var engine = await Command.RunAsync("docker", ["version", "--format", "{{.Server.APIVersion}}"], TimeSpan.FromSeconds(30), cancellationToken);
        if (!engine.Succeeded)
            throw new InvalidOperationException($"No Docker engine answers (start one: scripts/lib/docker.sh's ensure_docker):\n{engine.Output}");

        Cli = await ComposeCli.DetectAsync(cancellationToken);
        await ComposeReaper.SweepAsync(cancellationToken);
        await ComposeReaper.GuardAsync(cancellationToken);
        await RequireImagesAsync(cancellationToken);

        var clock = Stopwatch.StartNew();
        await using (var builder = new ComposeProject(this))
        {
            await builder.BuildAsync(Services, cancellationToken);
        }

        BuildTime = clock.Elapsed;
        Console.WriteLine($"Compose tests: {Cli}; images {string.Join(", ", Services)} built in {BuildTime.TotalSeconds:0} s (tag {Tag}).");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>No registry may be reachable: name the variable that selects a local equivalent of what is missing.</summary>
    private static async Task RequireImagesAsync(CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        foreach (var (variable, official) in Required)
        {
            var image = Environment.GetEnvironmentVariable(variable) is { Length: > 0 } chosen ? chosen : official;
            var inspect = await Command.RunAsync("docker", ["image", "inspect", "--format", "{{.Id}}", image], TimeSpan.FromSeconds(30), cancellationToken);
            if (!inspect.Succeeded)
                missing.Add($"{variable}={image}");
        }

        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"Images not present in the engine: {string.Join(", ", missing)}. Pull them, or build the local equivalents with " +
                "scripts/local-images.sh and `source .run/local-images.env` before the tests.");
    }
}
