using Payments.Notifications.Sending;

namespace Payments.Notifications.Tests.Sending;

public sealed class When_a_send_is_retried
{
    private static readonly DeliveryOptions Options = new() { BaseBackoff = TimeSpan.FromSeconds(2), MaxBackoff = TimeSpan.FromMinutes(5) };

    [Theory]
    [InlineData(1, 1, 2)]
    [InlineData(2, 2, 4)]
    [InlineData(5, 16, 32)]
    [InlineData(9, 150, 300)]
    [InlineData(40, 150, 300)]
    public void Should_wait_exponentially_longer_with_jitter_up_to_the_maximum(int failedAttempts, double atLeastSeconds, double atMostSeconds)
    {
        for (var i = 0; i < 100; i++)
        {
            var wait = Backoff.After(failedAttempts, Options).TotalSeconds;
            wait.ShouldBeInRange(atLeastSeconds, atMostSeconds);
        }
    }
}
