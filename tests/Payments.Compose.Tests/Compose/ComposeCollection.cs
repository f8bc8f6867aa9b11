namespace Payments.Compose.Tests.Compose;

/// <summary>
/// Every compose test, one after another: a whole system in containers uses both cores of this machine, and the images
/// are built once for all of them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ComposeCollection : ICollectionFixture<ComposeImages>
{
    public const string Name = "compose";
}
