using Payments.Testing;

namespace Payments.Compose.Tests.Compose;

/// <summary>Where the repository (docker-compose.yml, the Dockerfiles' build context) and the built tools are.</summary>
public static class Repository
{
    public static string Root => SourceTree.Root;

    public static string ComposeFile => Path.Combine(Root, "docker-compose.yml");

    /// <summary>A tool built next to the tests (.../bin/{configuration}/net10.0), referenced with ReferenceOutputAssembly="false".</summary>
    public static string Tool(string name)
    {
        var configuration = SourceTree.Configuration;
        var dll = Path.Combine(Root, "tools", name, "bin", configuration, "net10.0", name + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{name} is not built for {configuration}; reference its project from the test project.", dll);
    }
}
