using Payments.Orders.Tests.Infrastructure;

namespace Payments.Orders.Tests.Configuration;

/// <summary>
/// A receive endpoint's prefetch, concurrency or retry limit out of range, or a provider API Orders does not know, stops
/// start-up, naming the key to fix.
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class When_a_setting_is_invalid(Infrastructure.Infrastructure infrastructure) : IAsyncLifetime
{
    private OrdersScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await OrdersScenario.CreateAsync(infrastructure, start: false);

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Theory]
    [InlineData("Orders:PaymentEvents:Prefetch", "0", "Orders:PaymentEvents:Prefetch must be between 1 and 65535 (it is 0).")]
    [InlineData("Orders:PaymentEvents:Concurrency", "0", "Orders:PaymentEvents:Concurrency must be at least 1 (it is 0).")]
    [InlineData("Orders:PaymentEvents:RetryLimit", "-1", "Orders:PaymentEvents:RetryLimit must not be negative (it is -1).")]
    [InlineData("Orders:PaymentCreation:Prefetch", "65536", "Orders:PaymentCreation:Prefetch must be between 1 and 65535 (it is 65536).")]
    [InlineData("Provider:Api", "paypal", "Provider:Api must be 'stripe' or 'liqpay' (was 'paypal').")]
    public async Task Should_not_start(string key, string value, string message)
    {
        var failure = await Should.ThrowAsync<Exception>(() => _scenario.StartAppAsync(new Dictionary<string, string?> { [key] = value }));

        failure.ToString().ShouldContain(message);
    }
}
