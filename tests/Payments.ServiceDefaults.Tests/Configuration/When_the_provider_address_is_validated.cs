using Payments.ServiceDefaults.Configuration;

namespace Payments.ServiceDefaults.Tests.Configuration;

/// <summary>Provider:BaseUrl and Provider:ApiKey, as Orders and Reconciliation check them at start-up.</summary>
public sealed class When_the_provider_address_is_validated
{
    [Theory]
    [InlineData("http://127.0.0.1:5090")]
    [InlineData("https://api.stripe.com")]
    public void Should_accept_an_absolute_http_url_with_a_key(string baseUrl)
    {
        var failures = new List<string>();

        ProviderAddress.Validate(baseUrl, "sk_test_x", failures);

        failures.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null, "Provider:BaseUrl is required")]
    [InlineData("", "Provider:BaseUrl is required")]
    [InlineData("/v1", "Provider:BaseUrl must be an absolute URL")]
    [InlineData("ftp://provider.example", "Provider:BaseUrl must be an absolute URL")]
    public void Should_name_the_base_url_that_is_missing_or_not_http(string? baseUrl, string message)
    {
        var failures = new List<string>();

        ProviderAddress.Validate(baseUrl, "sk_test_x", failures);

        failures.ShouldHaveSingleItem().ShouldStartWith(message);
    }

    [Fact]
    public void Should_name_a_missing_key_and_where_it_comes_from()
    {
        var failures = new List<string>();

        ProviderAddress.Validate("http://127.0.0.1:5090", null, failures);

        failures.ShouldHaveSingleItem().ShouldBe("Provider:ApiKey is required (environment variable Provider__ApiKey).");
    }
}
