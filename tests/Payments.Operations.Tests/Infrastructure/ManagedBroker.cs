using Payments.Testing.RabbitMq;

namespace Payments.Operations.Tests.Infrastructure;

/// <summary>RabbitMQ with its management API, which "now" reads.</summary>
public sealed class ManagedBroker() : RabbitMqFixture(new RabbitMqOptions { EnableManagement = true });
