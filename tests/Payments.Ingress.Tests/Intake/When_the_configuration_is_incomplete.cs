using Microsoft.Extensions.Configuration;
using Payments.Ingress.Tests.Http;
using Payments.Ingress.Webhooks;
using Payments.Ingress.Webhooks.Schemes.GitHub;
using Payments.Ingress.Webhooks.Schemes.LiqPay;
using Payments.Ingress.Webhooks.Schemes.StandardWebhooks;
using Payments.Ingress.Webhooks.Schemes.Stripe;

namespace Payments.Ingress.Tests.Intake;

/// <summary>Start-up refuses bad configuration with a message naming the key, and never echoing a secret.</summary>
public sealed class When_the_configuration_is_incomplete
{
    [Fact]
    public void Should_name_the_missing_broker_connection_string()
    {
        using var app = new IngressApp("", new Dictionary<string, string?> { ["ConnectionStrings:RabbitMq"] = null });

        Should.Throw<Exception>(() => app.CreateClient()).ToString().ShouldContain("ConnectionStrings:RabbitMq");
    }

    [Fact]
    public void Should_name_a_malformed_otlp_endpoint()
    {
        using var app = new IngressApp("amqp://guest:guest@127.0.0.1:1/", new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "jaeger:4318" });

        Should.Throw<Exception>(() => app.CreateClient()).ToString().ShouldContain("OTEL_EXPORTER_OTLP_ENDPOINT");
    }

    // The checks below run in start-up validation (ValidateOnStart). Through WebApplicationFactory a failed start
    // sometimes surfaces as ObjectDisposedException instead of the validation error, so they call the validation itself.
    [Fact]
    public void Should_name_an_unknown_scheme() =>
        Errors(new() { ["Ingress:Sources:shop:Scheme"] = "paypal", ["Ingress:Sources:shop:Secrets:0"] = "s" })
            .ShouldContain(e => e.Contains("Ingress:Sources:shop:Scheme", StringComparison.Ordinal));

    [Fact]
    public void Should_name_a_source_without_secrets() =>
        Errors(new() { ["Ingress:Sources:shop:Scheme"] = "stripe" })
            .ShouldContain(e => e.Contains("Ingress:Sources:shop:Secrets", StringComparison.Ordinal));

    [Fact]
    public void Should_name_an_invalid_secret_without_revealing_it()
    {
        const string secret = "whsec_this is not base64!";

        var errors = Errors(new() { ["Ingress:Sources:acme:Scheme"] = "standard-webhooks", ["Ingress:Sources:acme:Secrets:0"] = secret });

        errors.ShouldContain(e => e.Contains("Ingress:Sources:acme:Secrets:0", StringComparison.Ordinal));
        errors.ShouldAllBe(e => !e.Contains(secret, StringComparison.Ordinal));
    }

    private static List<string> Errors(Dictionary<string, string?> settings)
    {
        var options = new ConfigurationBuilder().AddInMemoryCollection(settings).Build()
            .GetSection(IngressOptions.SectionName).Get<IngressOptions>() ?? new IngressOptions();
        return WebhookSources.Resolve(options, [new StripeScheme(), new StandardWebhooksScheme(), new LiqPayScheme(), new GitHubScheme()]);
    }
}
