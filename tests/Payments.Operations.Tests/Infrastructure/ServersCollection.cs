namespace Payments.Operations.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<Servers>
{
    public const string Name = "servers";
}
