namespace Payments.Orders.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class OrdersCollection : ICollectionFixture<Infrastructure>
{
    public const string Name = "orders";
}
