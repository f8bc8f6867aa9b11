namespace Payments.Operations.Console.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleSystem>
{
    public const string Name = "console";
}
