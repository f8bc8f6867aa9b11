namespace Payments.Messaging.Tests.Infrastructure;

/// <summary>A message type the test host publishes and only these tests watch.</summary>
public sealed record RelayProbe(int Number);
