using Payments.Testing.Containers;

namespace Payments.Testing.Tests.Images;

public sealed class When_images_are_selected
{
    [Fact]
    public void Should_run_the_pinned_official_images_by_default()
    {
        var images = ContainerImages.FromEnvironment(_ => null);

        images.ShouldBe(new ContainerImages("rabbitmq:3.13-management", "postgres:15", "axllent/mailpit:v1.27"));
    }

    [Fact]
    public void Should_run_the_image_each_variable_names()
    {
        var variables = new Dictionary<string, string>
        {
            ["PAYMENTS_RABBITMQ_IMAGE"] = "payments-local/rabbitmq:3-management",
            ["PAYMENTS_POSTGRES_IMAGE"] = "payments-local/postgres:15",
            ["PAYMENTS_MAILPIT_IMAGE"] = "",
        };

        var images = ContainerImages.FromEnvironment(variables.GetValueOrDefault);

        images.ShouldBe(new ContainerImages("payments-local/rabbitmq:3-management", "payments-local/postgres:15", "axllent/mailpit:v1.27"));
    }

    [Fact]
    public void Should_name_the_variable_that_holds_no_image_name()
    {
        var failure = Should.Throw<InvalidOperationException>(
            () => ContainerImages.FromEnvironment(name => name == "PAYMENTS_POSTGRES_IMAGE" ? "postgres 15" : null));

        failure.Message.ShouldContain("PAYMENTS_POSTGRES_IMAGE");
    }
}
