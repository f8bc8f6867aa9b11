namespace Payments.Operations.Tests.Timeline;

[CollectionDefinition(Name)]
public sealed class StoryCollection : ICollectionFixture<StorySystem>
{
    public const string Name = "story";
}
