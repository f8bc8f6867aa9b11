using Payments.Contracts;
using Payments.Orders.Orders;
using Payments.Orders.PaymentEvents;

namespace Payments.Orders.Tests.StateMachine;

public sealed class When_the_state_machine_decides
{
    private const long Amount = 4200;

    [Theory]
    [InlineData(OrderStatus.AwaitingPayment, PaymentEventKind.Succeeded, OrderStatus.Paid)]
    [InlineData(OrderStatus.AwaitingPayment, PaymentEventKind.Failed, OrderStatus.PaymentFailed)]
    [InlineData(OrderStatus.AwaitingPayment, PaymentEventKind.Refunded, OrderStatus.Refunded)]
    [InlineData(OrderStatus.PaymentFailed, PaymentEventKind.Succeeded, OrderStatus.Paid)]
    [InlineData(OrderStatus.PaymentFailed, PaymentEventKind.Failed, OrderStatus.PaymentFailed)]
    [InlineData(OrderStatus.Paid, PaymentEventKind.Failed, OrderStatus.Paid)]
    [InlineData(OrderStatus.Paid, PaymentEventKind.Succeeded, OrderStatus.Paid)]
    [InlineData(OrderStatus.Paid, PaymentEventKind.Refunded, OrderStatus.Refunded)]
    [InlineData(OrderStatus.Refunded, PaymentEventKind.Succeeded, OrderStatus.Refunded)]
    [InlineData(OrderStatus.Refunded, PaymentEventKind.Failed, OrderStatus.Refunded)]
    [InlineData(OrderStatus.NeedsAttention, PaymentEventKind.Succeeded, OrderStatus.NeedsAttention)]
    public void Should_only_ever_move_the_order_forward(OrderStatus from, PaymentEventKind kind, OrderStatus expected) =>
        Decide(from, Event(kind)).To.ShouldBe(expected);

    [Fact]
    public void Should_record_a_failed_attempt_after_success_without_unpaying()
    {
        var decision = Decide(OrderStatus.Paid, Event(PaymentEventKind.Failed));

        decision.Changed.ShouldBeFalse();
        decision.Outcome.ShouldBe(DecisionOutcome.Unchanged);
        decision.Explanation.ShouldContain("does not unpay");
    }

    [Theory]
    [InlineData(PaymentEventKind.Succeeded, 4100, "EUR", "Amount mismatch")]
    [InlineData(PaymentEventKind.Succeeded, 4200, "USD", "Currency mismatch")]
    [InlineData(PaymentEventKind.Refunded, 5000, "EUR", "Refund exceeds")]
    [InlineData(PaymentEventKind.Refunded, 4200, "GBP", "Currency mismatch")]
    public void Should_move_to_needs_attention_when_the_money_does_not_match(PaymentEventKind kind, long amount, string currency, string reason)
    {
        var decision = Decide(OrderStatus.AwaitingPayment, Event(kind, amount, currency));

        decision.To.ShouldBe(OrderStatus.NeedsAttention);
        decision.Outcome.ShouldBe(DecisionOutcome.Mismatch);
        decision.Explanation.ShouldStartWith(reason);
    }

    [Fact]
    public void Should_accept_a_partial_refund_and_ignore_amounts_on_failures()
    {
        Decide(OrderStatus.Paid, Event(PaymentEventKind.Refunded, 1000)).To.ShouldBe(OrderStatus.Refunded);
        Decide(OrderStatus.AwaitingPayment, Event(PaymentEventKind.Failed, 1, "JPY")).To.ShouldBe(OrderStatus.PaymentFailed);
    }

    /// <summary>Every arrival order of every multiset of up to four events, from a fresh order, ends in the same state.</summary>
    [Fact]
    public void Should_converge_whatever_the_arrival_order()
    {
        PaymentEventReceived[] pool =
        [
            Event(PaymentEventKind.Succeeded), Event(PaymentEventKind.Failed), Event(PaymentEventKind.Refunded),
            Event(PaymentEventKind.Succeeded, 1, "EUR"),
        ];
        foreach (var subset in Subsets(pool.Length))
        {
            var events = subset.Select(i => pool[i]).ToArray();
            var finals = Permutations(events).Select(order => order.Aggregate(OrderStatus.AwaitingPayment, (s, e) => Decide(s, e).To)).Distinct().ToList();
            finals.Count.ShouldBe(1, $"events {string.Join(",", subset)} end in {string.Join(" or ", finals)}");
        }
    }

    private static Decision Decide(OrderStatus status, PaymentEventReceived @event) => OrderStateMachine.Decide(status, Amount, "EUR", @event);

    private static PaymentEventReceived Event(PaymentEventKind kind, long amount = Amount, string currency = "EUR") =>
        new(Guid.NewGuid(), "stripe", "stripe", "evt", kind, "pi", null, amount, currency, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static IEnumerable<int[]> Subsets(int n) =>
        Enumerable.Range(1, (1 << n) - 1).Select(mask => Enumerable.Range(0, n).Where(i => (mask & (1 << i)) != 0).ToArray());

    private static IEnumerable<T[]> Permutations<T>(T[] items) => items.Length <= 1
        ? [items]
        : items.SelectMany((item, i) => Permutations(items.Where((_, j) => j != i).ToArray()).Select(rest => (T[])[item, .. rest]));
}
