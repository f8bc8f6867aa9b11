namespace Payments.Cli;

/// <summary>What the process returns: scripts branch on it.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
}
