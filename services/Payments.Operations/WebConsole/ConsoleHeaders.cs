using Microsoft.Extensions.Primitives;

namespace Payments.Operations.WebConsole;

/// <summary>The console's response headers: only its own assets, never framed, no referrer leaving the page.</summary>
public static class ConsoleHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    public static void Apply(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = new StringValues("no-referrer");
    }
}
