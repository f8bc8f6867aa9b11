using System.Runtime;
using Microsoft.Extensions.Configuration;

namespace Payments.ServiceDefaults.Hosting;

/// <summary>
/// Runtime:JitProfileDirectory: the runtime's multi-core JIT (<see cref="ProfileOptimization"/>). A start records which
/// methods the process compiled, in the order it needed them, into {directory}/{service}.jitprofile (written when the
/// process stops); the next start of the same build replays that list on a background thread, so the methods the first
/// messages need are compiled before they arrive instead of on their path. Orders and Notifications compile every method
/// fully optimized (no tiering), which costs them seconds of compiling after they report ready on a cold start.
/// Unset, nothing is recorded or replayed. The directory must persist between starts to help (a volume in a container).
/// Kept as the runtime's own mechanism: it is the one way to compile ahead of use without ReadyToRun code, which these
/// services leave out on purpose (docs/decisions/0008-runtime-settings-per-service.md).
/// </summary>
public static class JitProfile
{
    public const string DirectoryKey = "Runtime:JitProfileDirectory";

    /// <summary>Starts recording and replaying when the key is set; a directory that cannot be written fails start-up naming the key.</summary>
    public static void Start(IConfiguration configuration, string serviceName)
    {
        var directory = configuration[DirectoryKey];
        if (string.IsNullOrWhiteSpace(directory))
        {
            return;
        }

        EnsureWritable(directory);
        ProfileOptimization.SetProfileRoot(directory);
        ProfileOptimization.StartProfile($"{serviceName}.jitprofile");
    }

    /// <summary>
    /// Creates the directory and writes a probe file into it: the runtime itself fails silently when it cannot write the
    /// profile, which would leave every start cold without a word.
    /// </summary>
    public static void EnsureWritable(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".{Environment.ProcessId}.probe");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InvalidOperationException(
                $"Invalid configuration: {DirectoryKey} must be a directory this service can write ('{directory}'): {e.Message}", e);
        }
    }
}
