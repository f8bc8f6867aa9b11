using Payments.Testing.Hosting;

namespace Payments.Compose.Tests.Compose;

/// <summary>
/// The compose command line: the `docker compose` plugin where the Docker client has it, otherwise Debian's
/// `docker-compose` 1.29 (the Python one); both read the same docker-compose.yml and label what they create the same way.
/// </summary>
public sealed class ComposeCli
{
    private readonly string _program;
    private readonly string[] _prefix;

    private ComposeCli(string program, string[] prefix)
    {
        _program = program;
        _prefix = prefix;
    }

    public override string ToString() => string.Join(' ', [_program, .. _prefix]);

    public static async Task<ComposeCli> DetectAsync(CancellationToken cancellationToken)
    {
        var plugin = await Command.RunAsync("docker", ["compose", "version"], TimeSpan.FromSeconds(30), cancellationToken);
        if (plugin.Succeeded)
            return new ComposeCli("docker", ["compose"]);

        var standalone = await Command.RunAsync("/usr/bin/env", ["docker-compose", "version"], TimeSpan.FromSeconds(30), cancellationToken);
        return standalone.Succeeded
            ? new ComposeCli("/usr/bin/env", ["docker-compose"])
            : throw new InvalidOperationException($"Neither `docker compose` nor `docker-compose` runs here:\n{plugin.Output}\n{standalone.Output}");
    }

    public Task<CommandResult> RunAsync(
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout,
        CancellationToken cancellationToken) =>
        Command.RunAsync(_program, [.. _prefix, .. arguments], timeout, cancellationToken, environment);
}
