namespace Payments.Operations.WebConsole;

public static class ConsoleAssets
{
    /// <summary>
    /// Serves wwwroot from the build output as well as from a publish: ASP.NET Core reads the build's static web
    /// assets manifest only in Development unless told to, and run.sh and the tests start the built service in other
    /// environments. A published service has no such manifest and serves its own wwwroot.
    /// </summary>
    public static WebApplicationBuilder AddConsoleAssets(this WebApplicationBuilder builder)
    {
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }
}
