using Payments.ServiceDefaults.Resilience;

namespace Payments.ServiceDefaults.Tests.Resilience;

public sealed class When_a_retry_is_delayed
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(0, 1, 2)]
    [InlineData(1, 2, 4)]
    [InlineData(4, 16, 32)]
    [InlineData(8, 150, 300)]
    [InlineData(39, 150, 300)]
    public void Should_wait_exponentially_longer_with_jitter_up_to_the_maximum(int doublings, double atLeastSeconds, double atMostSeconds)
    {
        for (var i = 0; i < 100; i++)
        {
            var wait = JitteredBackoff.Delay(doublings, First, Max).TotalSeconds;
            wait.ShouldBeInRange(atLeastSeconds, atMostSeconds);
        }
    }
}
