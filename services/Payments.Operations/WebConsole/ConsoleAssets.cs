namespace Payments.Operations.WebConsole;

public static class ConsoleAssets
{
    /// <summary>
    /// Serves wwwroot from the build output as well as from a publish: ASP.NET Core reads the build's static web
    /// assets manifest only in Development unless told to, and run.sh and the tests start the built service in other
    /// environments. A published service has no such manifest and serves its own wwwroot.
    /// </summary>
    /// <remarks>
    /// The console is exactly the build's files: no runtime reloading of them, which from a build manifest would also map
    /// a GET fallback (<c>{**path:file}</c>) serving any file that appears under wwwroot, without the console's headers.
    /// A changed file needs a rebuild.
    /// </remarks>
    public static WebApplicationBuilder AddConsoleAssets(this WebApplicationBuilder builder)
    {
        builder.Configuration["ReloadStaticAssetsAtRuntime"] = "false";
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }
}
