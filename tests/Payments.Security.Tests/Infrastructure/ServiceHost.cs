using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Payments.Testing;
using Payments.Testing.Security;

namespace Payments.Security.Tests.Infrastructure;

/// <summary>
/// A real service in-process on Kestrel (real HTTP, real listeners): the public listener on one loopback port, the
/// management listener (Management:Urls) on another, trusting <see cref="TestTokens"/>. An operator service (Operations)
/// has one listener, which is its management listener: both URLs name it.
/// </summary>
public sealed class ServiceHost<TProgram>(
    string name, string? audience, IReadOnlyDictionary<string, string?> settings, bool management = true, bool operatorService = false)
    : WebApplicationFactory<TProgram>, IServiceHost
    where TProgram : class
{
    private readonly int _publicPort = FreePorts.Next();
    private readonly int _managementPort = FreePorts.Next();

    public string Name => name;

    public string? Audience => audience;

    public Uri PublicUrl => new($"http://127.0.0.1:{_publicPort.ToString(CultureInfo.InvariantCulture)}");

    public Uri ManagementUrl => operatorService ? PublicUrl : new($"http://127.0.0.1:{_managementPort.ToString(CultureInfo.InvariantCulture)}");

    public IReadOnlyList<RouteEndpoint> Endpoints =>
        [.. Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        UseKestrel();
        StartServer();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.TrueAsync(
            async () => (await http.GetAsync(new Uri(PublicUrl, "/health/ready"), cancellationToken)).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60), $"{name} to become ready", cancellationToken);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("urls", PublicUrl.ToString().TrimEnd('/'));
        if (management && !operatorService)
        {
            builder.UseSetting("Management:Urls", ManagementUrl.ToString().TrimEnd('/'));
        }

        foreach (var (key, value) in TestTokens.Settings.Concat(settings))
        {
            builder.UseSetting(key, value);
        }
    }
}
