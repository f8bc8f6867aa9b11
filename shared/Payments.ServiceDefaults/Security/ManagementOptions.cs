namespace Payments.ServiceDefaults.Security;

/// <summary>
/// Management:Urls: where operator endpoints are served, in the form of ASPNETCORE_URLS (e.g. "http://127.0.0.1:9081",
/// several separated by ';'). Each needs its own explicit port; the public listener never serves them.
/// </summary>
public sealed class ManagementOptions
{
    public const string Section = "Management";

    public string? Urls { get; set; }
}
