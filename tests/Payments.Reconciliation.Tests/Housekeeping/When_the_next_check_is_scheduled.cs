using Payments.Reconciliation.Housekeeping;

namespace Payments.Reconciliation.Tests.Housekeeping;

public sealed class When_the_next_check_is_scheduled
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    private static readonly ReconciliationOptions Options = new()
    {
        Interval = TimeSpan.FromMinutes(1),
        StaleAfter = TimeSpan.FromMinutes(15),
        MaxCheckInterval = TimeSpan.FromHours(6),
        GiveUpAfter = TimeSpan.FromDays(3),
    };

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(5, 360)]
    [InlineData(40, 360)]
    public void Should_double_from_stale_after_up_to_the_cap(int checksDone, int minutes) =>
        (Backoff.NextCheck(checksDone, Now, Now.AddDays(3), Options) - Now).ShouldBe(TimeSpan.FromMinutes(minutes));

    [Fact]
    public void Should_never_schedule_past_the_deadline() =>
        Backoff.NextCheck(3, Now, Now.AddMinutes(10), Options).ShouldBe(Now.AddMinutes(10));

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(4, 15)]
    [InlineData(100, 15)]
    public void Should_back_off_after_provider_errors_but_retry_within_stale_after(int errors, int minutes) =>
        (Backoff.AfterProviderError(errors, Now, Options) - Now).ShouldBe(TimeSpan.FromMinutes(minutes));
}
