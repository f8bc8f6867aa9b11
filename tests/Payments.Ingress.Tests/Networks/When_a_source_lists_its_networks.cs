using System.Net;
using Microsoft.Extensions.Configuration;
using Payments.Ingress.Webhooks;
using Payments.Ingress.Webhooks.Schemes.Stripe;

namespace Payments.Ingress.Tests.Networks;

/// <summary>What Ingress:Sources:{name}:AllowedNetworks means for an address, and what start-up refuses.</summary>
public sealed class When_a_source_lists_its_networks
{
    [Theory]
    [InlineData("3.18.12.63", true)]
    [InlineData("::ffff:3.18.12.63", true)] // an IPv4 peer on a dual-stack socket
    [InlineData("3.18.12.64", false)]
    [InlineData("2001:db8:1::5", true)]
    [InlineData("2001:db9::5", false)]
    [InlineData("10.1.2.3", true)]
    public void Should_allow_exactly_the_listed_addresses(string address, bool allowed) =>
        Source("3.18.12.63", "2001:db8::/32", "10.0.0.0/8").Allows(IPAddress.Parse(address)).ShouldBe(allowed);

    [Fact]
    public void Should_allow_anyone_when_none_are_listed() =>
        Source().Allows(IPAddress.Parse("198.51.100.1")).ShouldBeTrue();

    [Theory]
    [InlineData("not-a-network")]
    [InlineData("10.0.0.0/33")]
    public void Should_name_a_network_that_is_not_a_cidr(string network) =>
        Resolve(new() { ["Ingress:Sources:shop:AllowedNetworks:0"] = "10.0.0.0/8", ["Ingress:Sources:shop:AllowedNetworks:1"] = network })
            .ShouldBe(["Ingress:Sources:shop:AllowedNetworks:1 is not a CIDR (e.g. 3.18.12.63/32 or 2001:db8::/32)."]);

    [Fact]
    public void Should_name_a_known_proxy_that_is_not_an_address() =>
        Resolve(new() { ["Ingress:KnownProxies:0"] = "proxy.internal" }).ShouldBe(["Ingress:KnownProxies:0 is not an IP address."]);

    private static WebhookSource Source(params string[] networks)
    {
        var sources = new Dictionary<string, WebhookSource>();
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < networks.Length; i++)
        {
            settings[$"Ingress:Sources:shop:AllowedNetworks:{i}"] = networks[i];
        }

        Resolve(settings, sources).ShouldBeEmpty();
        return sources["shop"];
    }

    private static List<string> Resolve(Dictionary<string, string?> settings, Dictionary<string, WebhookSource>? into = null)
    {
        settings["Ingress:Sources:shop:Scheme"] = "stripe";
        settings["Ingress:Sources:shop:Secrets:0"] = "whsec_networks";
        var options = new ConfigurationBuilder().AddInMemoryCollection(settings).Build()
            .GetSection(IngressOptions.SectionName).Get<IngressOptions>()!;
        return WebhookSources.Resolve(options, [new StripeScheme()], into);
    }
}
