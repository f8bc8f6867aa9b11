using Payments.Operations.DeadLetters;

namespace Payments.Operations.Tests.DeadLetters;

/// <summary>A retention or interval that is zero or negative stops the start with a message naming the key.</summary>
public sealed class When_dead_letter_retention_is_configured
{
    [Theory]
    [InlineData(nameof(DeadLetterOptions.Retention))]
    [InlineData(nameof(DeadLetterOptions.DeadRetention))]
    [InlineData(nameof(DeadLetterOptions.CleanupInterval))]
    public void Should_refuse_a_retention_that_is_not_positive(string key)
    {
        var options = new DeadLetterOptions { Queues = ["orders-payment-events_error"] };
        typeof(DeadLetterOptions).GetProperty(key)!.SetValue(options, TimeSpan.Zero);

        var result = new DeadLetterOptionsValidator().Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain($"Operations:DeadLetters:{key} must be positive");
    }

    [Fact]
    public void Should_accept_the_defaults()
    {
        var options = new DeadLetterOptions { Queues = ["orders-payment-events_error"] };

        new DeadLetterOptionsValidator().Validate(null, options).Succeeded.ShouldBeTrue();
        (options.Retention, options.DeadRetention).ShouldBe((TimeSpan.FromDays(30), TimeSpan.FromDays(90)));
    }
}
