using Microsoft.Extensions.Options;
using Payments.Notifications.Sending;

namespace Payments.Notifications.Tests.Sending;

public sealed class When_rows_wait_for_a_mailer
{
    private static SendQueue Queue() => new(Options.Create(new DeliveryOptions { Workers = 4 }));

    private static PendingNotification Row() =>
        new(Guid.NewGuid(), Guid.NewGuid(), "paid", "customer@example.com", "<m@shop.example>", "Paid", "text", "<p>html</p>", Attempts: 0, ClaimedAt: 0);

    [Fact]
    public async Task Should_give_each_row_to_exactly_one_of_the_mailers()
    {
        using var queue = Queue();
        queue.Open();
        var mailers = Enumerable.Range(0, 4)
            .Select(_ => Task.Factory.StartNew(() => queue.Take().Select(row => row.Id).ToList(), TaskCreationOptions.LongRunning))
            .ToList();
        var rows = Enumerable.Range(0, 2_000).Select(_ => Row()).ToList();

        foreach (var row in rows)
        {
            queue.Add(row);
        }

        queue.Close();
        var taken = (await Task.WhenAll(mailers)).SelectMany(ids => ids).ToList();

        taken.Count.ShouldBe(rows.Count);
        taken.ToHashSet().SetEquals(rows.Select(row => row.Id)).ShouldBeTrue();
    }

    [Fact]
    public void Should_still_give_out_the_rows_queued_before_it_closed_and_then_end()
    {
        using var queue = Queue();
        queue.Open();
        var queued = Row();
        queue.Add(queued);

        queue.Close();

        queue.Take().ShouldBe([queued]);
        queue.HasRoom.ShouldBeFalse();
    }

    [Fact]
    public void Should_drop_a_hand_off_that_arrives_after_it_closed_without_failing_the_consumer()
    {
        using var queue = Queue();
        queue.Open();
        queue.Close();

        Should.NotThrow(() => queue.Add(Row())); // the committed row stays leased; whoever claims it after the lease sends it

        queue.Take().ShouldBeEmpty();
    }
}
