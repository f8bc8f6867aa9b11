namespace Payments.Notifications.Tests.Infrastructure;

/// <summary>The tests that run the service share one queue, so they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class NotificationsCollection : ICollectionFixture<Infrastructure>
{
    public const string Name = "notifications";
}
