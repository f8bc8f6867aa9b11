using Payments.Testing.RabbitMq;

namespace Payments.Testing.Tests.RabbitMq;

/// <summary>Test classes in this collection share one broker and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrokerCollection : ICollectionFixture<RabbitMqFixture>
{
    public const string Name = "broker";
}
