using System.Xml.Linq;

namespace Payments.Architecture.Tests;

internal static class ProjectReferences
{
    /// <summary>The project files a csproj references, as full paths.</summary>
    public static IEnumerable<string> Of(string csproj) =>
        XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(r => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(csproj)!, r.Attribute("Include")!.Value.Replace('\\', '/'))));

    public static IEnumerable<string> PackagesOf(string csproj) =>
        XDocument.Load(csproj).Descendants("PackageReference").Select(r => r.Attribute("Include")!.Value);
}
