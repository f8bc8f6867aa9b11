namespace Payments.ProviderSimulator.Tests.Infrastructure;

/// <summary>What the receiver answers; <paramref name="RetryAfter"/> is sent as Retry-After when set.</summary>
public sealed record ReceiverReply(int StatusCode, string? RetryAfter = null)
{
    public static readonly ReceiverReply Ok = new(200);
}
