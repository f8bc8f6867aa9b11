using Payments.Testing;
using Payments.Testing.RabbitMq;

namespace Payments.Ingress.Tests;

/// <summary>Tests that share one throwaway broker; each IngressApp uses its own queue, so they do not interfere.</summary>
[CollectionDefinition(Name)]
public sealed class BrokerCollection : ICollectionFixture<RabbitMqFixture>
{
    public const string Name = "broker";
}
