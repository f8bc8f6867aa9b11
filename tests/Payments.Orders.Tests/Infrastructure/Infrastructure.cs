using Payments.Testing.Messaging;

namespace Payments.Orders.Tests.Infrastructure;

/// <summary>One broker and one PostgreSQL server per collection; every test gets its own database and queues.</summary>
public sealed class Infrastructure : MessagingServers;
