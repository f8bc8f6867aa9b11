using System.Diagnostics;

namespace Payments.Testing.Tests.Privileges;

/// <summary>
/// Runs one of the repository's infra/ scripts inside a fixture's container (`docker exec -i ... bash -s`, the script
/// on standard input), the same file docker-compose.yml and scripts/run.sh apply. Values reach the script through
/// the environment of the docker client (`-e NAME`), never on its command line.
/// </summary>
internal static class InfraScript
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task RunAsync(string containerId, string script, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("docker")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add("-i");
        foreach (var (name, value) in environment)
        {
            start.ArgumentList.Add("-e");
            start.ArgumentList.Add(name);
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(containerId);
        start.ArgumentList.Add("bash");
        start.ArgumentList.Add("-s");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("docker did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardInput.WriteAsync(await File.ReadAllTextAsync(PathOf(script), cancellationToken));
        process.StandardInput.Close();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {Timeout.TotalSeconds:0} s.");
        }

        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} failed ({process.ExitCode}):\n{await output}\n{await errors}");
    }

    /// <summary>The script's path in the repository this test assembly was built from.</summary>
    private static string PathOf(string script) => SourceTree.PathOf(script);
}
