using System.Text.RegularExpressions;

namespace Payments.Architecture.Tests;

/// <summary>
/// The files users run are the files CI runs: every base and infrastructure image is a variable whose default is the
/// official image, so a machine without a registry swaps in its local equivalents without editing a file.
/// </summary>
public sealed partial class When_images_are_chosen
{
    public static TheoryData<string> Services => When_services_are_deployed_independently.Services;

    [Theory]
    [MemberData(nameof(Services))]
    public void Should_build_each_service_from_base_images_given_as_arguments_with_the_official_defaults(string service)
    {
        var text = File.ReadAllText(Repository.PathOf("services", service, "Dockerfile"));

        text.ShouldContain("ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0");
        text.ShouldContain("ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0");
        FromLine().Matches(text).Select(m => m.Groups["image"].Value).ShouldAllBe(image => image == "${SDK_IMAGE}" || image == "${RUNTIME_IMAGE}",
            $"{service}'s Dockerfile names an image that is not one of its arguments");
    }

    [Fact]
    public void Should_take_every_infrastructure_image_in_compose_from_a_variable_with_an_official_default()
    {
        var images = ImageLine().Matches(File.ReadAllText(Repository.PathOf("docker-compose.yml"))).Select(m => m.Groups["image"].Value).ToList();

        var infrastructure = images.Where(image => !image.StartsWith("payments/", StringComparison.Ordinal)).ToList();
        infrastructure.ShouldNotBeEmpty();
        infrastructure.ShouldAllBe(image => OfficialDefault().IsMatch(image), "an infrastructure image in docker-compose.yml is not ${PAYMENTS_*_IMAGE:-official}");
    }

    [GeneratedRegex(@"^FROM\s+(?<image>\S+)", RegexOptions.Multiline)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"^\s+image:\s*(?<image>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ImageLine();

    /// <summary>${PAYMENTS_X_IMAGE:-name:tag}: a Docker Hub or registry name with a tag, never a local payments-local/ one.</summary>
    [GeneratedRegex(@"^\$\{PAYMENTS_[A-Z]+_IMAGE:-(?!payments-local/)[a-z0-9./-]+:[A-Za-z0-9._-]+\}$")]
    private static partial Regex OfficialDefault();
}
