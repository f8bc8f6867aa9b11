using Payments.Reconciliation.Providers;

namespace Payments.Reconciliation.Tests.Providers;

/// <summary>Provider:MaxResponseBytes and Provider:MaxListPages are validated at start-up, the message naming the key.</summary>
public sealed class When_provider_limits_are_configured
{
    [Theory]
    [InlineData(0L, 1000, "Provider:MaxResponseBytes")]
    [InlineData(512L, 1000, "Provider:MaxResponseBytes")]
    [InlineData(1L << 40, 1000, "Provider:MaxResponseBytes")]
    [InlineData(4194304L, 0, "Provider:MaxListPages")]
    [InlineData(4194304L, -1, "Provider:MaxListPages")]
    public void Should_refuse_a_limit_out_of_range_naming_its_key(long maxResponseBytes, int maxListPages, string key) =>
        Errors(maxResponseBytes, maxListPages).ShouldHaveSingleItem().ShouldStartWith(key);

    [Fact]
    public void Should_accept_the_defaults() => Errors(new ProviderOptions().MaxResponseBytes, new ProviderOptions().MaxListPages).ShouldBeEmpty();

    private static List<string> Errors(long maxResponseBytes, int maxListPages)
    {
        var options = new ProviderOptions { BaseUrl = "http://provider.test", ApiKey = "sk_test_canned", MaxResponseBytes = maxResponseBytes, MaxListPages = maxListPages };
        var result = new ProviderOptionsValidator().Validate(name: null, options);
        return [.. result.Failures ?? []];
    }
}
