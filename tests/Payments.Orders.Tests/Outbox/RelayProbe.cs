namespace Payments.Orders.Tests.Outbox;

/// <summary>A message type only these tests publish and watch.</summary>
public sealed record RelayProbe(int Number);
