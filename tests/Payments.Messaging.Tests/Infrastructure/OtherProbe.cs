namespace Payments.Messaging.Tests.Infrastructure;

/// <summary>A second type the test host publishes, so a subscriber can take one of its types and not the other.</summary>
public sealed record OtherProbe(int Number);
