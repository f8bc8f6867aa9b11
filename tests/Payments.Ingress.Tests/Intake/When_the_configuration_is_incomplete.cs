using Payments.Ingress.Tests.Http;

namespace Payments.Ingress.Tests.Intake;

/// <summary>Start-up refuses bad configuration with a message naming the key, and never echoing a secret.</summary>
public sealed class When_the_configuration_is_incomplete
{
    private const string UnusedBroker = "amqp://guest:guest@127.0.0.1:1/";

    [Fact]
    public void Should_name_the_missing_broker_connection_string()
    {
        using var app = new IngressApp("", new Dictionary<string, string?> { ["ConnectionStrings:RabbitMq"] = null });

        Should.Throw<Exception>(() => app.CreateClient()).ToString().ShouldContain("ConnectionStrings:RabbitMq");
    }

    [Fact]
    public void Should_name_an_unknown_scheme()
    {
        using var app = new IngressApp(UnusedBroker, new Dictionary<string, string?> { ["Ingress:Sources:shop:Scheme"] = "paypal", ["Ingress:Sources:shop:Secrets:0"] = "s" });

        Should.Throw<Exception>(() => app.CreateClient()).ToString().ShouldContain("Ingress:Sources:shop:Scheme");
    }

    [Fact]
    public void Should_name_a_source_without_secrets()
    {
        using var app = new IngressApp(UnusedBroker, new Dictionary<string, string?> { ["Ingress:Sources:shop:Scheme"] = "stripe" });

        Should.Throw<Exception>(() => app.CreateClient()).ToString().ShouldContain("Ingress:Sources:shop:Secrets");
    }

    [Fact]
    public void Should_name_an_invalid_secret_without_revealing_it()
    {
        const string secret = "whsec_this is not base64!";
        using var app = new IngressApp(UnusedBroker, new Dictionary<string, string?> { ["Ingress:Sources:acme:Secrets:0"] = secret });

        var error = Should.Throw<Exception>(() => app.CreateClient()).ToString();

        error.ShouldContain("Ingress:Sources:acme:Secrets:0");
        error.ShouldNotContain(secret);
    }
}
