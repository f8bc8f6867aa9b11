using Payments.Testing.RabbitMq;

namespace Payments.Testing.Tests.RabbitMq;

/// <summary>How a test project asks for options: a fixture type of its own that passes them.</summary>
public sealed class ManagedBrokerFixture() : RabbitMqFixture(new RabbitMqOptions { EnableManagement = true });
