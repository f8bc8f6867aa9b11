using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Payments.Messaging.Broker;
using Payments.Ingress.Limits;
using Payments.Ingress.Tests.Infrastructure;
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

    [Theory]
    [InlineData("0", "10", "Ingress:Sources:shop:RateLimit:PermitsPerSecond")]
    [InlineData("10", "5", "Ingress:Sources:shop:RateLimit:Burst")]
    public void Should_name_a_rate_limit_that_cannot_work(string permits, string burst, string key) =>
        Errors(new()
        {
            ["Ingress:Sources:shop:Scheme"] = "stripe", ["Ingress:Sources:shop:Secrets:0"] = "s",
            ["Ingress:Sources:shop:RateLimit:PermitsPerSecond"] = permits, ["Ingress:Sources:shop:RateLimit:Burst"] = burst,
        }).ShouldContain(e => e.StartsWith(key, StringComparison.Ordinal));

    [Fact]
    public void Should_refuse_a_confirm_timeout_beyond_the_response_budget()
    {
        var publisher = Microsoft.Extensions.Options.Options.Create(new Payments.Messaging.Broker.PublisherOptions { ConfirmTimeout = TimeSpan.FromSeconds(5) });
        var validator = new IngressOptionsValidator([new StripeScheme()], publisher);

        var result = validator.Validate(null, new IngressOptions { ResponseBudget = TimeSpan.FromSeconds(3) });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Ingress:Broker:ConfirmTimeout");
        result.FailureMessage.ShouldContain("Ingress:ResponseBudget");
        validator.Validate(null, new IngressOptions { ResponseBudget = TimeSpan.FromSeconds(5) }).Succeeded.ShouldBeTrue();
    }

    [Theory]
    [InlineData(null, "00:00:01.500", 1.5)] // PublisherOptions' own default (5 s) would exceed this budget and fail start-up
    [InlineData(null, null, 3)] // the default budget
    [InlineData("00:00:01", "00:00:01.500", 1)] // a configured confirm timeout stays
    public void Should_let_a_missing_confirm_timeout_follow_the_response_budget(string? confirmTimeout, string? budget, double expectedSeconds)
    {
        // The ingress's registrations over configuration that has only what is given (no appsettings.json).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Path.GetTempPath(), EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RabbitMq"] = "amqp://guest:guest@127.0.0.1:1/",
            ["Ingress:Broker:RequiredQueues:0"] = "orders-payment-events",
            ["Ingress:Broker:ConfirmTimeout"] = confirmTimeout,
            ["Ingress:ResponseBudget"] = budget,
            ["Ingress:Sources:stripe:Scheme"] = "stripe",
            ["Ingress:Sources:stripe:Secrets:0"] = TestSecrets.Stripe,
        }.Where(setting => setting.Value is not null));
        builder.AddIngress();
        using var services = builder.Services.BuildServiceProvider();

        services.GetRequiredService<IOptions<PublisherOptions>>().Value.ConfirmTimeout.ShouldBe(TimeSpan.FromSeconds(expectedSeconds));
        Should.NotThrow(() => services.GetRequiredService<IOptions<IngressOptions>>().Value); // start-up validation passes
    }

    [Fact]
    public void Should_stop_the_start_when_the_configured_confirm_timeout_exceeds_the_budget()
    {
        // The ingress's own registrations and validation, as ValidateOnStart runs them: no options object is built.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Path.GetTempPath(), EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RabbitMq"] = "amqp://guest:guest@127.0.0.1:1/",
            ["Ingress:Broker:RequiredQueues:0"] = "orders-payment-events",
            ["Ingress:Broker:ConfirmTimeout"] = "00:00:05",
            ["Ingress:Sources:stripe:Scheme"] = "stripe",
            ["Ingress:Sources:stripe:Secrets:0"] = TestSecrets.Stripe,
        });
        builder.AddIngress();
        using var services = builder.Services.BuildServiceProvider();

        var refused = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<IngressOptions>>().Value);
        refused.Message.ShouldContain("Ingress:ResponseBudget");
        refused.Message.ShouldContain("Ingress:Broker:ConfirmTimeout");
    }

    [Fact]
    public void Should_default_every_source_to_a_rate_limit() =>
        new WebhookSourceOptions().RateLimit.ShouldSatisfyAllConditions(
            limit => limit.PermitsPerSecond.ShouldBe(100),
            limit => limit.Burst.ShouldBe(200));

    [Theory]
    [InlineData("MaxConcurrentConnections", null)]
    [InlineData("MinRequestBodyDataRate:BytesPerSecond", null)]
    [InlineData("MinRequestBodyDataRate:GracePeriod", "00:10:00")]
    [InlineData("RequestHeadersTimeout", "00:10:00")]
    [InlineData("KeepAliveTimeout", "01:00:00")]
    public void Should_name_a_kestrel_limit_that_protects_nothing(string key, string? value)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Kestrel:Limits:MaxConcurrentConnections"] = "100",
            ["Kestrel:Limits:MinRequestBodyDataRate:BytesPerSecond"] = "100",
            ["Kestrel:Limits:MinRequestBodyDataRate:GracePeriod"] = "00:00:05",
        };
        KestrelErrors(settings).ShouldBeEmpty();
        settings[$"Kestrel:Limits:{key}"] = value;
        if (value is null)
        {
            settings.Remove($"Kestrel:Limits:{key}");
        }

        if (key.StartsWith("MinRequestBodyDataRate:BytesPerSecond", StringComparison.Ordinal))
        {
            settings.Remove("Kestrel:Limits:MinRequestBodyDataRate:GracePeriod"); // the whole rate unset: null, no minimum
        }

        var named = key.Split(':')[0];
        KestrelErrors(settings).ShouldContain(e => e.StartsWith($"Kestrel:Limits:{named}", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_replace_kestrels_default_body_data_rate_with_the_configured_one()
    {
        var options = new KestrelServerOptions();
        var settings = new Dictionary<string, string?>
        {
            ["Kestrel:Limits:MinRequestBodyDataRate:BytesPerSecond"] = "1000", ["Kestrel:Limits:MinRequestBodyDataRate:GracePeriod"] = "00:00:02",
        };

        KestrelLimits.Bind(options, new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        options.Limits.MinRequestBodyDataRate.ShouldNotBeNull().BytesPerSecond.ShouldBe(1000);
        options.Limits.MinRequestBodyDataRate.GracePeriod.ShouldBe(TimeSpan.FromSeconds(2));
    }

    private static IEnumerable<string> KestrelErrors(Dictionary<string, string?> settings)
    {
        var options = new KestrelServerOptions();
        options.Limits.MinRequestBodyDataRate = null; // only what configuration says
        KestrelLimits.Bind(options, new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return new KestrelLimitsValidator().Validate(null, options).Failures ?? [];
    }

    private static List<string> Errors(Dictionary<string, string?> settings)
    {
        var options = new ConfigurationBuilder().AddInMemoryCollection(settings).Build()
            .GetSection(IngressOptions.SectionName).Get<IngressOptions>() ?? new IngressOptions();
        return WebhookSources.Resolve(options, [new StripeScheme(), new StandardWebhooksScheme(), new LiqPayScheme(), new GitHubScheme()]);
    }
}
