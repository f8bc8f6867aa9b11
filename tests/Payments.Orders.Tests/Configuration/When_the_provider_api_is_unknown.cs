using Payments.Orders.Tests.Infrastructure;

namespace Payments.Orders.Tests.Configuration;

/// <summary>Provider:Api names how payments are opened; one Orders does not know stops start-up, naming the key.</summary>
[Collection(OrdersCollection.Name)]
public sealed class When_the_provider_api_is_unknown(Infrastructure.Infrastructure infrastructure) : IAsyncLifetime
{
    private OrdersScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await OrdersScenario.CreateAsync(infrastructure, start: false);

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Should_not_start()
    {
        var failure = await Should.ThrowAsync<Exception>(() => _scenario.StartAppAsync(new Dictionary<string, string?> { ["Provider:Api"] = "paypal" }));

        failure.ToString().ShouldContain("Provider:Api must be 'stripe' or 'liqpay' (was 'paypal').");
    }
}
