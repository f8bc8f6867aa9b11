namespace Payments.Architecture.Tests;

/// <summary>Separate teams ship each service alone: a service may build on shared/ only, never on another service.</summary>
public sealed class When_services_are_deployed_independently
{
    public static TheoryData<string> Services => [.. Directory.GetDirectories(Repository.PathOf("services")).Select(d => Path.GetFileName(d))];

    [Theory]
    [MemberData(nameof(Services))]
    public void Should_reference_only_shared_projects(string service)
    {
        var shared = Repository.PathOf("shared") + Path.DirectorySeparatorChar;
        var references = ProjectReferences.Of(Repository.PathOf("services", service, service + ".csproj")).ToList();

        references.Where(r => !r.StartsWith(shared, StringComparison.Ordinal)).ShouldBeEmpty($"{service} references a project outside shared/");
    }

    [Fact]
    public void Should_keep_contracts_free_of_any_reference()
    {
        var contracts = Repository.PathOf("shared", "Payments.Contracts", "Payments.Contracts.csproj");

        ProjectReferences.Of(contracts).ShouldBeEmpty();
        ProjectReferences.PackagesOf(contracts).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Should_ship_a_dockerfile_and_a_compose_service(string service)
    {
        var dockerfile = Repository.PathOf("services", service, "Dockerfile");
        File.Exists(dockerfile).ShouldBeTrue();
        var text = File.ReadAllText(dockerfile);
        text.ShouldContain("USER $APP_UID"); // non-root
        text.ShouldContain("HEALTHCHECK");
        text.ShouldContain(" AS build"); // multi-stage
        File.ReadAllText(Repository.PathOf("docker-compose.yml")).ShouldContain($"services/{service}/Dockerfile");
    }
}
