using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Payments.ServiceDefaults.Security;

/// <summary>
/// Where operator endpoints are served (docs/decisions/0003-identity-jwt-scopes-management-listener.md):
/// Management:Urls set: only on those ports, which serve nothing but operator and health endpoints;
/// not set: on every listener in Development and Testing (a developer's machine), nowhere otherwise.
/// An operator-only service (<see cref="OperatorService"/>) has no public listener: every one of its listeners is a
/// management listener.
/// </summary>
public sealed record ManagementListener(IReadOnlyList<string> PublicUrls, IReadOnlyList<string> Urls, IReadOnlySet<int> Ports, bool ServeOperatorsEverywhere)
{
    private const string Key = ManagementOptions.Section + ":Urls";

    /// <summary>Every listener is a management listener (Operations: docs/decisions/0029-operations-api-is-an-operator-surface.md).</summary>
    public bool IsOperatorService { get; private init; }

    public static ManagementListener From(IConfiguration configuration, IHostEnvironment environment)
    {
        var urls = Split(configuration[Key]);
        var publicUrls = PublicUrlsOf(configuration);
        var ports = new HashSet<int>();
        foreach (var url in urls)
        {
            var port = PortOf(url, Key);
            if (port <= 0)
            {
                throw new InvalidOperationException(
                    $"Invalid configuration: {Key} needs an explicit port in each address (\"{url}\"), e.g. http://127.0.0.1:9081.");
            }

            ports.Add(port);
        }

        foreach (var url in urls.Count > 0 ? publicUrls : [])
        {
            if (ports.Contains(PortOf(url, "urls")))
            {
                throw new InvalidOperationException(
                    $"Invalid configuration: {Key} uses port {PortOf(url, "urls")}, which the public listener (ASPNETCORE_URLS) uses too.");
            }
        }

        var developer = environment.IsDevelopment() || environment.IsEnvironment("Testing");
        return new ManagementListener(publicUrls, urls, ports, ServeOperatorsEverywhere: urls.Count == 0 && developer);
    }

    /// <summary>
    /// A service that serves operators only, in every environment: nothing it maps but health checks and anonymous
    /// static files is anything but an operator endpoint, so its own listeners (urls / ASPNETCORE_URLS) are the
    /// management listener. Management:Urls would promise a public listener it does not have, and is refused.
    /// </summary>
    public static ManagementListener OperatorService(IConfiguration configuration)
    {
        if (Split(configuration[Key]).Count > 0)
        {
            throw new InvalidOperationException(
                $"Invalid configuration: {Key} is not used by this service: it serves operators only, on every listener it has (urls / ASPNETCORE_URLS).");
        }

        return new ManagementListener(PublicUrlsOf(configuration), [], new HashSet<int>(), ServeOperatorsEverywhere: true) { IsOperatorService = true };
    }

    /// <summary>The addresses ASP.NET Core would listen on without us: urls, else http_ports, else its default.</summary>
    private static List<string> PublicUrlsOf(IConfiguration configuration)
    {
        var urls = Split(configuration["urls"]);
        if (urls.Count > 0)
        {
            return urls;
        }

        var ports = Split(configuration["http_ports"]);
        return ports.Count > 0 ? [.. ports.Select(p => "http://*:" + p)] : ["http://localhost:5000"];
    }

    private static int PortOf(string url, string key)
    {
        try
        {
            return BindingAddress.Parse(url).Port;
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"Invalid configuration: {key} has an address that is not a URL: \"{url}\".", ex);
        }
    }

    private static List<string> Split(string? value) =>
        [.. (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public override string ToString() => IsOperatorService
        ? "operator endpoints on every listener (an operator-only service: each listener is a management listener)"
        : Urls.Count > 0
            ? "operator endpoints on " + string.Join(", ", Urls)
            : ServeOperatorsEverywhere
                ? $"operator endpoints on every listener ({Key} is not set; Development and Testing only)"
                : $"operator endpoints not served ({Key} is not set)";
}
