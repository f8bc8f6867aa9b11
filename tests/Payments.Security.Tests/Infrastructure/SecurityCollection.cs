namespace Payments.Security.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class SecurityCollection : ICollectionFixture<SecuritySystem>
{
    public const string Name = "security";
}
