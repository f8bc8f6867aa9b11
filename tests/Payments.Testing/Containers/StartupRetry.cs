namespace Payments.Testing.Containers;

/// <summary>Repeats a server's first start on new ports when the ports it was given were taken meanwhile.</summary>
internal static class StartupRetry
{
    private const int Attempts = 3;

    public static async Task OnPortConflictAsync(Func<Task> startOnNewPorts)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await startOnNewPorts();
                return;
            }
            catch (FixtureServerException e) when (e.IsPortConflict && attempt < Attempts)
            {
                // The attempt left its server stopped; the next one allocates fresh ports.
            }
        }
    }
}
