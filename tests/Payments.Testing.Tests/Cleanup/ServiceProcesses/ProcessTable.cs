namespace Payments.Testing.Tests.Cleanup.ServiceProcesses;

internal static class ProcessTable
{
    /// <summary>True once <paramref name="pid"/> has exited; a zombie counts, it only waits to be collected.</summary>
    public static bool IsGone(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }
}
