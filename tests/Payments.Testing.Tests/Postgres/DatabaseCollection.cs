using Payments.Testing.Postgres;

namespace Payments.Testing.Tests.Postgres;

/// <summary>Test classes in this collection share one PostgreSQL server and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "database";
}
