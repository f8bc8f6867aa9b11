namespace Payments.Testing.Hosting;

/// <summary>Outcome of a short-lived command; <see cref="Output"/> interleaves stdout and stderr.</summary>
public sealed record CommandResult(string Description, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    public CommandResult EnsureSuccess() =>
        Succeeded ? this : throw new FixtureServerException($"'{Description}' exited with code {ExitCode}.", Output);
}
