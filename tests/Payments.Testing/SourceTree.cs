namespace Payments.Testing;

/// <summary>
/// The repository these test binaries were built from (the directory holding Payments.sln) and the configuration they
/// were built with (.../bin/{configuration}/net10.0): where a test finds scripts, settings and other projects' builds.
/// </summary>
public static class SourceTree
{
    private static readonly DirectoryInfo TestBin = new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    public static string Root { get; } = FindRoot();

    public static string Configuration => TestBin.Parent!.Name;

    /// <summary>A path under the repository's root.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = TestBin; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Payments.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Payments.sln above {TestBin.FullName}.");
    }
}
