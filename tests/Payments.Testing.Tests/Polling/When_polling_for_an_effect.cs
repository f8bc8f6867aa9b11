namespace Payments.Testing.Tests.Polling;

public sealed class When_polling_for_an_effect
{
    [Fact]
    public async Task Should_return_as_soon_as_the_condition_holds()
    {
        var calls = 0;

        await Eventually.TrueAsync(() => Task.FromResult(++calls == 3), cancellationToken: TestContext.Current.CancellationToken);

        calls.ShouldBe(3);
    }

    [Fact]
    public async Task Should_return_the_first_accepted_value()
    {
        var calls = 0;

        var value = await Eventually.ValueAsync(() => Task.FromResult(++calls * 10), value => value >= 20, cancellationToken: TestContext.Current.CancellationToken);

        value.ShouldBe(20);
    }

    [Fact]
    public async Task Should_time_out_naming_what_it_waited_for_and_the_last_error()
    {
        var timeout = await Should.ThrowAsync<TimeoutException>(() => Eventually.TrueAsync(
            () => Task.FromException<bool>(new InvalidOperationException("not yet")),
            TimeSpan.FromMilliseconds(200),
            "the payment to settle",
            TestContext.Current.CancellationToken));

        timeout.Message.ShouldContain("the payment to settle");
        timeout.InnerException.ShouldBeOfType<InvalidOperationException>().Message.ShouldBe("not yet");
    }
}
