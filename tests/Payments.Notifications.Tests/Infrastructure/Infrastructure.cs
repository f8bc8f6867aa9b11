using Payments.Testing.Messaging;

namespace Payments.Notifications.Tests.Infrastructure;

/// <summary>One broker and one PostgreSQL server per collection; every test gets its own database and SMTP server.</summary>
public sealed class Infrastructure : MessagingServers;
