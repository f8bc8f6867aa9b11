using Microsoft.Extensions.Options;
using Payments.Reconciliation.Endpoints;
using Payments.Reconciliation.Housekeeping;
using Payments.Reconciliation.Providers;

namespace Payments.Reconciliation.Tests.Endpoints;

/// <summary>
/// Reconciliation:Endpoints:{source}:Provider is empty (the Stripe-compatible provider), that provider's name or
/// liqpay: any other name stops the start naming the key, rather than report the source not_checkable for good.
/// </summary>
public sealed class When_an_endpoint_names_its_provider
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("stripe")]
    [InlineData("Stripe")]
    [InlineData("liqpay")]
    public void Should_accept_the_providers_it_knows(string? provider) => Errors(provider).ShouldBeEmpty();

    [Theory]
    [InlineData("liqpy")]
    [InlineData("paypal")]
    public void Should_refuse_any_other_naming_the_key(string provider) =>
        Errors(provider).ShouldHaveSingleItem().ShouldStartWith("Reconciliation:Endpoints:shop:Provider must be empty");

    private static List<string> Errors(string? provider)
    {
        var options = new ReconciliationOptions();
        options.Endpoints["shop"] = new EndpointOptions { Url = "https://pay.example.com/webhooks/shop", Provider = provider };
        var validator = new ReconciliationOptionsValidator(Options.Create(new ProviderOptions { Name = "stripe" }));
        return [.. validator.Validate(name: null, options).Failures ?? []];
    }
}
