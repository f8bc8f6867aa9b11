namespace Payments.Reconciliation.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<PaymentSystem>
{
    public const string Name = "system";
}
