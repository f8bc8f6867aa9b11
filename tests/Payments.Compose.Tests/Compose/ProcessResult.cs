namespace Payments.Compose.Tests.Compose;

/// <summary>Outcome of a finished command; <see cref="Output"/> interleaves stdout and stderr.</summary>
public sealed record ProcessResult(string Description, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    public ProcessResult EnsureSuccess() =>
        Succeeded ? this : throw new InvalidOperationException($"'{Description}' exited with code {ExitCode}:\n{Output}");
}
