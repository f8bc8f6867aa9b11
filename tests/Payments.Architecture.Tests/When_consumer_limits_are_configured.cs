using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Payments.Messaging.Consumers;

namespace Payments.Architecture.Tests;

/// <summary>
/// Each receive endpoint's prefetch, concurrency and retry limit: the defaults its service always had, and the keys
/// deployments and tests set (appsettings.json, docker-compose.yml, the benches), read from the same names.
/// </summary>
public sealed class When_consumer_limits_are_configured
{
    public static TheoryData<string, string, int, int?, int> Defaults => new()
    {
        { "Payments.Orders", "orders-payment-events", 256, 128, 10 },
        { "Payments.Orders", "orders-payment-creation", 16, null, 20 },
        { "Payments.Notifications", "notifications-order-events", 128, 64, 10 },
        { "Payments.Reconciliation", "reconciliation-order-events", 64, null, 10 },
    };

    public static TheoryData<string, string, string> Sections => new()
    {
        { "Payments.Orders", "orders-payment-events", "Orders:PaymentEvents" },
        { "Payments.Orders", "orders-payment-creation", "Orders:PaymentCreation" },
        { "Payments.Notifications", "notifications-order-events", "Notifications:OrderEvents" },
        { "Payments.Reconciliation", "reconciliation-order-events", "Reconciliation:OrderEvents" },
    };

    [Theory]
    [MemberData(nameof(Defaults))]
    public void Should_keep_the_defaults_each_endpoint_had(string service, string queue, int prefetch, int? concurrency, int retryLimit)
    {
        var limits = LimitsOf(service, queue);

        limits.Prefetch.ShouldBe(prefetch);
        limits.Concurrency.ShouldBe(concurrency);
        limits.RetryLimit.ShouldBe(retryLimit);
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void Should_read_each_limit_from_the_endpoints_section(string service, string queue, string section)
    {
        var limits = LimitsOf(service, queue, new Dictionary<string, string?>
        {
            [$"{section}:Prefetch"] = "7",
            [$"{section}:Concurrency"] = "3",
            [$"{section}:RetryLimit"] = "0",
        });

        (limits.Prefetch, limits.Concurrency, limits.RetryLimit).ShouldBe((7, 3, 0));
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void Should_refuse_a_limit_out_of_range_naming_its_key(string service, string queue, string section)
    {
        var failure = Should.Throw<OptionsValidationException>(() => LimitsOf(service, queue, new Dictionary<string, string?>
        {
            [$"{section}:Prefetch"] = "0",
            [$"{section}:Concurrency"] = "0",
            [$"{section}:RetryLimit"] = "-1",
        }));

        failure.Failures.ShouldBe([
            $"{section}:Prefetch must be between 1 and 65535 (it is 0).",
            $"{section}:Concurrency must be at least 1 (it is 0).",
            $"{section}:RetryLimit must not be negative (it is -1).",
        ]);
    }

    private static ConsumerEndpointOptions LimitsOf(string service, string queue, IReadOnlyDictionary<string, string?>? settings = null)
    {
        using var provider = ConsumingServices.RegistrationsOf(service, settings).BuildServiceProvider();
        return provider.GetRequiredService<IOptionsMonitor<ConsumerEndpointOptions>>().Get(queue);
    }
}
