using Payments.Testing.Messaging;

namespace Payments.Messaging.Tests.Infrastructure;

/// <summary>One broker and one PostgreSQL server for every test, one test after another: a resource alarm blocks every publisher on the broker.</summary>
[CollectionDefinition(Name)]
public sealed class MessagingCollection : ICollectionFixture<MessagingServers>
{
    public const string Name = "messaging";
}
