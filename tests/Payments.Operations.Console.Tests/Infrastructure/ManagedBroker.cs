using Payments.Testing.RabbitMq;

namespace Payments.Operations.Console.Tests.Infrastructure;

/// <summary>RabbitMQ with its management API, which the "now" page reads through Operations.</summary>
public sealed class ManagedBroker() : RabbitMqFixture(new RabbitMqOptions { EnableManagement = true });
