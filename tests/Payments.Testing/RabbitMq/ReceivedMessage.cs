using System.Text;
using RabbitMQ.Client;

namespace Payments.Testing.RabbitMq;

/// <summary>A message taken from a queue by <see cref="RabbitMqFixture.GetAsync"/> (already acknowledged).</summary>
public sealed record ReceivedMessage(
    byte[] Body,
    IReadOnlyBasicProperties Properties,
    string Exchange,
    string RoutingKey,
    bool Redelivered)
{
    public string BodyText => Encoding.UTF8.GetString(Body);
}
