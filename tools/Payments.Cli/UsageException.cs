namespace Payments.Cli;

/// <summary>The command line is well formed but asks for something that cannot be done as given (exit code 2).</summary>
public sealed class UsageException(string message) : Exception(message);
