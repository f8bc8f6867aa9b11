using Microsoft.Extensions.Configuration;
using Payments.ServiceDefaults.Configuration;

namespace Payments.ServiceDefaults.Tests.Configuration;

/// <summary>ConnectionStrings:RabbitMq, one node or a cluster: what the services connect to, and what they refuse at start-up.</summary>
public sealed class When_the_broker_address_is_read
{
    [Fact]
    public void Should_read_every_node_of_a_cluster_with_shared_credentials_and_virtual_host()
    {
        var broker = BrokerAddress.Parse("amqp://orders:s%40cret@rabbit-1:5672,rabbit-2:5673,rabbit-3/payments");

        broker.Nodes.ShouldBe([new BrokerNode("rabbit-1", 5672), new BrokerNode("rabbit-2", 5673), new BrokerNode("rabbit-3", 5672)]);
        broker.UserName.ShouldBe("orders");
        broker.Password.ShouldBe("s@cret");
        broker.VirtualHost.ShouldBe("payments");
        broker.Tls.ShouldBeFalse();
    }

    [Theory]
    [InlineData("amqp://guest:guest@127.0.0.1:5672/", "/")]
    [InlineData("amqp://guest:guest@127.0.0.1:5672", "/")]
    [InlineData("amqp://guest:guest@127.0.0.1:5672/%2f", "/")]
    [InlineData("amqp://guest:guest@127.0.0.1:5672/shop%2Feu", "shop/eu")]
    public void Should_read_the_virtual_host_as_the_amqp_uri_spec_does(string value, string virtualHost) =>
        BrokerAddress.Parse(value).VirtualHost.ShouldBe(virtualHost);

    [Fact]
    public void Should_take_a_single_node_and_default_ports_and_user()
    {
        BrokerAddress.Parse("amqp://localhost").ShouldBe(new BrokerAddress(false, "guest", "guest", "/", [new BrokerNode("localhost", 5672)]), new BrokerAddressComparer());
        var tls = BrokerAddress.Parse("amqps://u:p@[::1],10.0.0.2:5999/");
        tls.Tls.ShouldBeTrue();
        tls.Nodes.ShouldBe([new BrokerNode("::1", 5671), new BrokerNode("10.0.0.2", 5999)]);
        tls.Nodes[0].ToString().ShouldBe("[::1]:5671");
    }

    [Theory]
    [InlineData("http://guest:guest@rabbit:5672/", "amqp:// or amqps://")]
    [InlineData("amqp://guest:guest@rabbit-1:5672,,rabbit-3:5672/", "host is empty")]
    [InlineData("amqp://guest:guest@rabbit-1:5672,rabbit-2:70000/", "'70000' is not a port")]
    [InlineData("amqp://guest:guest@rabbit-1:5672,rabbit-2:x/", "'x' is not a port")]
    [InlineData("amqp://guest:guest@rabbit-1,rabbit-1:5672/", "named twice")]
    [InlineData("amqp://guest:guest@rab bit:5672/", "'rab bit' is not a host")]
    [InlineData("amqp://guest:guest@rabbit/a/b", "one path segment")]
    [InlineData("amqp://guest:guest@rabbit/?heartbeat=5", "query")]
    [InlineData("amqp://:pw@rabbit/", "user name")]
    public void Should_refuse_a_malformed_value_at_start_up_naming_the_key(string value, string reason)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("ConnectionStrings:RabbitMq", value)]).Build();

        var error = Should.Throw<InvalidOperationException>(() => configuration.GetRabbitMqAddress());

        error.Message.ShouldStartWith("Invalid configuration: ConnectionStrings:RabbitMq must be");
        error.Message.ShouldContain(reason);
        error.Message.ShouldNotContain("guest:guest");
    }

    [Fact]
    public void Should_name_the_key_when_it_is_missing() =>
        Should.Throw<InvalidOperationException>(() => new ConfigurationBuilder().Build().GetRabbitMqAddress())
            .Message.ShouldContain("ConnectionStrings:RabbitMq");

    private sealed class BrokerAddressComparer : IEqualityComparer<BrokerAddress>
    {
        public bool Equals(BrokerAddress? x, BrokerAddress? y) =>
            x is not null && y is not null && x.Tls == y.Tls && x.UserName == y.UserName && x.Password == y.Password
            && x.VirtualHost == y.VirtualHost && x.Nodes.SequenceEqual(y.Nodes);

        public int GetHashCode(BrokerAddress obj) => obj.Nodes.Count;
    }
}
