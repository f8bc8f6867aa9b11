namespace Payments.Compose.Tests.Compose;

/// <summary>Where the repository (docker-compose.yml, the Dockerfiles' build context) and the built tools are.</summary>
public static class Repository
{
    private static readonly DirectoryInfo TestBin = new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    public static string Root { get; } = FindRoot();

    public static string ComposeFile => Path.Combine(Root, "docker-compose.yml");

    /// <summary>A tool built next to the tests (.../bin/{configuration}/net10.0), referenced with ReferenceOutputAssembly="false".</summary>
    public static string Tool(string name)
    {
        var configuration = TestBin.Parent!.Name;
        var dll = Path.Combine(Root, "tools", name, "bin", configuration, "net10.0", name + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{name} is not built for {configuration}; reference its project from the test project.", dll);
    }

    private static string FindRoot()
    {
        for (var directory = TestBin; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Payments.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException($"Payments.sln not found above {TestBin.FullName}.");
    }
}
