namespace Payments.Operations.WebConsole;

public static class ConsoleEndpoints
{
    /// <summary>
    /// The operator console (wwwroot/: plain HTML, CSS and JavaScript modules) at <c>/</c>, anonymous like any static
    /// file: it holds no data, and every <c>/api</c> call it makes carries the operator's token. The policy
    /// <c>default-src 'self'</c> lets the page load nothing from anywhere else, which keeps it usable offline and
    /// proves it needs nothing from the internet.
    /// </summary>
    public static IEndpointConventionBuilder MapConsole(this WebApplication app)
    {
        var assets = app.MapStaticAssets();
        assets.Add(endpoint =>
        {
            var serve = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context =>
            {
                ConsoleHeaders.Apply(context.Response.Headers);
                return serve(context);
            };
        });
        assets.AllowAnonymous();
        app.MapGet("/", () => TypedResults.Redirect("/index.html")).AllowAnonymous().ExcludeFromDescription();
        return assets;
    }
}
