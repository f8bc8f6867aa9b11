namespace Payments.Testing.Hosting;

/// <summary>Reads the scripts embedded in this assembly (see the csproj for their logical names).</summary>
internal static class EmbeddedText
{
    public static string Read(string logicalName)
    {
        using var stream = typeof(EmbeddedText).Assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"Embedded resource '{logicalName}' is missing from Payments.Testing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
