using System.Globalization;

namespace Payments.Testing.Hosting;

/// <summary>
/// A private temp directory for one fixture's servers, under a well-known root so that later runs can
/// sweep what a killed run left behind. A reaper process guards it: when the owner process disappears
/// it stops the servers recorded with <see cref="Track"/> and deletes the directory.
/// </summary>
internal sealed class FixtureDirectory : IDisposable
{
    private const UnixFileMode Traversable =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    // Like /tmp itself: every user may create directories here, only their owner may remove them.
    private const UnixFileMode SharedSticky =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute
        | UnixFileMode.StickyBit;

    public static string Root { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "payments-fixtures");

    // Once per process, before its first server starts.
    private static readonly Lazy<Task> StaleSweep = new(() => Reaper.SweepAsync(Root, CancellationToken.None));

    private FixtureDirectory(string path) => Path = path;

    public string Path { get; }

    public static Task<FixtureDirectory> CreateAsync(string kind, CancellationToken cancellationToken) =>
        CreateAsync(kind, Environment.ProcessId, cancellationToken);

    /// <summary>Creates a directory guarded on behalf of <paramref name="ownerPid"/> (tests use a stand-in owner).</summary>
    internal static async Task<FixtureDirectory> CreateAsync(string kind, int ownerPid, CancellationToken cancellationToken)
    {
        await StaleSweep.Value.WaitAsync(cancellationToken);
        EnsureRoot();

        var id = Guid.NewGuid().ToString("N")[..8];
        var path = System.IO.Path.Combine(Root, $"{ownerPid.ToString(CultureInfo.InvariantCulture)}-{kind}-{id}");
        Directory.CreateDirectory(path);
        // Set explicitly rather than through the umask: the postgres user must reach its subdirectory.
        File.SetUnixFileMode(path, Traversable);
        var directory = new FixtureDirectory(path);
        try
        {
            await Reaper.GuardAsync(ownerPid, path, cancellationToken);
        }
        catch
        {
            directory.Dispose();
            throw;
        }

        return directory;
    }

    /// <summary>Records a server's process group so the reaper can stop it if the owner dies.</summary>
    public void Track(string name, int processGroupId) =>
        File.WriteAllText(PgidFile(name), processGroupId.ToString(CultureInfo.InvariantCulture) + "\n");

    public void Untrack(string name) => File.Delete(PgidFile(name));

    public void Dispose()
    {
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }

    private static void EnsureRoot()
    {
        Directory.CreateDirectory(Root);
        try
        {
            File.SetUnixFileMode(Root, SharedSticky);
        }
        catch (UnauthorizedAccessException)
        {
            // Another user created the root and already made it shared.
        }
    }

    private string PgidFile(string name) => System.IO.Path.Combine(Path, name + ".pgid");
}
