using System.Text.RegularExpressions;
using Payments.Compose.Tests.Compose;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Payments.Compose.Tests;

/// <summary>
/// docker-compose.yml read as YAML (anchors merged), no container started: a service with operator endpoints serves them
/// on a management listener of its own, published on the loopback only, and Operations calls them there
/// (docs/decisions/0003-identity-jwt-scopes-management-listener.md). The services run as Development, where a missing
/// Management__Urls would put operator endpoints on the public port.
/// </summary>
public sealed partial class When_the_compose_file_is_validated
{
    private static readonly Dictionary<string, Dictionary<object, object>> Services = Read();

    [Fact]
    public void Should_give_every_service_with_operator_endpoints_a_management_listener()
    {
        var failures = new List<string>();
        foreach (var (name, folder) in OurServices())
        {
            var code = string.Concat(Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Select(File.ReadAllText));
            var management = Environment(name).GetValueOrDefault("Management__Urls");
            if (code.Contains("AddOperatorServiceIdentity(", StringComparison.Ordinal))
            {
                // Operations: its one listener is its management listener; it refuses Management:Urls.
                if (management is not null)
                {
                    failures.Add($"{name}: an operator service, yet Management__Urls is set ({management})");
                }
            }
            else if (code.Contains("RequireOperator(", StringComparison.Ordinal))
            {
                if (management is null)
                {
                    failures.Add($"{name}: maps operator endpoints but has no Management__Urls, so they answer on its public port");
                }
                else if (PortOf(management) == PublicPort(folder))
                {
                    failures.Add($"{name}: Management__Urls {management} uses the public port {PublicPort(folder)}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public void Should_have_operations_call_the_owning_services_on_their_management_listeners()
    {
        var operations = Environment("operations");
        foreach (var (service, key) in new[] { ("orders", "Orders"), ("notifications", "Notifications"), ("reconciliation", "Reconciliation") })
        {
            var management = Environment(service).GetValueOrDefault("Management__Urls");
            management.ShouldNotBeNull($"{service} has no Management__Urls");
            operations.GetValueOrDefault($"Operations__Services__{key}__BaseUrl")
                .ShouldBe($"http://{service}:{PortOf(management)}", $"Operations' base URL for {service}");
        }
    }

    [Fact]
    public void Should_publish_every_port_on_the_loopback_only()
    {
        var published = Services.SelectMany(s => (s.Value.GetValueOrDefault("ports") as List<object> ?? []).Select(p => (Service: s.Key, Port: (string)p))).ToList();
        published.ShouldNotBeEmpty();
        published.Where(p => !p.Port.StartsWith("127.0.0.1:", StringComparison.Ordinal)).ShouldBeEmpty();
        foreach (var (service, urls) in Services.Keys.Select(s => (s, Environment(s).GetValueOrDefault("Management__Urls"))).Where(s => s.Item2 is not null))
        {
            published.Where(p => p.Service == service).ShouldContain(p => p.Port.EndsWith($":{PortOf(urls!)}", StringComparison.Ordinal),
                $"{service}'s management port published on 127.0.0.1");
        }
    }

    [Fact]
    public void Should_connect_every_service_as_its_own_broker_user_and_database_role()
    {
        var failures = new List<string>();
        foreach (var (name, _) in OurServices())
        {
            var environment = Environment(name);
            if (environment.GetValueOrDefault("ConnectionStrings__RabbitMq") is { } broker && !broker.StartsWith($"amqp://{name}:", StringComparison.Ordinal))
            {
                failures.Add($"{name}: connects to the broker as another user than '{name}' ({broker.Split('@')[0]})");
            }

            if (environment.GetValueOrDefault("ConnectionStrings__Postgres") is { } database && !database.Contains($"Username={name};", StringComparison.Ordinal))
            {
                failures.Add($"{name}: connects to PostgreSQL as another role than '{name}'");
            }
        }

        failures.ShouldBeEmpty();
    }

    /// <summary>The compose services built from one of our services' Dockerfiles, with that service's folder.</summary>
    private static IEnumerable<(string Name, string Folder)> OurServices()
    {
        var found = 0;
        foreach (var (name, service) in Services)
        {
            if (service.GetValueOrDefault("build") is Dictionary<object, object> build
                && build.GetValueOrDefault("dockerfile") is string dockerfile
                && dockerfile.StartsWith("services/", StringComparison.Ordinal))
            {
                found++;
                yield return (name, Path.Combine(Repository.Root, Path.GetDirectoryName(dockerfile)!));
            }
        }

        found.ShouldBeGreaterThanOrEqualTo(6, "the services built from services/*/Dockerfile");
    }

    private static Dictionary<string, string> Environment(string service) =>
        (Services[service].GetValueOrDefault("environment") as Dictionary<object, object> ?? [])
        .ToDictionary(e => (string)e.Key, e => e.Value as string ?? "");

    /// <summary>The port of the Dockerfile's ASPNETCORE_URLS: the public listener.</summary>
    private static int PublicPort(string folder) =>
        PortOf(AspNetCoreUrls().Match(File.ReadAllText(Path.Combine(folder, "Dockerfile"))).Groups[1].Value);

    private static int PortOf(string url) => new Uri(url.Replace("//+:", "//0.0.0.0:", StringComparison.Ordinal)).Port;

    private static Dictionary<string, Dictionary<object, object>> Read()
    {
        using var reader = new StreamReader(Repository.ComposeFile);
        var document = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
        return ((Dictionary<object, object>)document["services"]).ToDictionary(s => (string)s.Key, s => (Dictionary<object, object>)s.Value);
    }

    [GeneratedRegex(@"ENV ASPNETCORE_URLS=(\S+)")]
    private static partial Regex AspNetCoreUrls();
}
