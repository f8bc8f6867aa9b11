using Payments.Contracts;
using Payments.Orders.Ordering;
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

    [Theory]
    [InlineData(OrderStatus.AwaitingPayment, PaymentEventKind.Succeeded)]
    [InlineData(OrderStatus.PaymentFailed, PaymentEventKind.Succeeded)]
    [InlineData(OrderStatus.Paid, PaymentEventKind.Refunded)]
    [InlineData(OrderStatus.AwaitingPayment, PaymentEventKind.Failed)]
    public void Should_move_to_needs_attention_when_another_provider_names_the_order(OrderStatus from, PaymentEventKind kind)
    {
        var decision = Decide(from, Event(kind) with { Source = "acme", Provider = "standard-webhooks" });

        decision.To.ShouldBe(OrderStatus.NeedsAttention);
        decision.Outcome.ShouldBe(DecisionOutcome.Foreign);
        decision.Explanation.ShouldBe("Provider mismatch: the order's payment is at stripe, the event came from standard-webhooks (source acme).");
    }

    [Theory]
    [InlineData(OrderStatus.AwaitingPayment, PaymentEventKind.Succeeded)]
    [InlineData(OrderStatus.Paid, PaymentEventKind.Refunded)]
    [InlineData(OrderStatus.AwaitingPayment, PaymentEventKind.Failed)]
    public void Should_move_to_needs_attention_when_the_event_is_about_another_payment(OrderStatus from, PaymentEventKind kind)
    {
        var decision = Decide(from, Event(kind) with { ProviderPaymentId = "pi_someone_else" });

        decision.To.ShouldBe(OrderStatus.NeedsAttention);
        decision.Outcome.ShouldBe(DecisionOutcome.Foreign);
        decision.Explanation.ShouldBe("Payment mismatch: the order's payment is pi, the event (source stripe) names payment pi_someone_else.");
    }

    [Fact]
    public void Should_accept_the_same_payment_reported_by_reconciliation() =>
        Decide(OrderStatus.AwaitingPayment, Event(PaymentEventKind.Succeeded) with { Source = "reconciliation" }).To.ShouldBe(OrderStatus.Paid);

    [Fact]
    public void Should_match_provider_and_payment_exactly_and_bound_what_it_repeats()
    {
        Decide(OrderStatus.AwaitingPayment, Event(PaymentEventKind.Succeeded) with { Provider = "Stripe" }).Outcome.ShouldBe(DecisionOutcome.Foreign);
        Decide(OrderStatus.AwaitingPayment, Event(PaymentEventKind.Succeeded) with { ProviderPaymentId = "PI" }).Outcome.ShouldBe(DecisionOutcome.Foreign);

        var decision = Decide(OrderStatus.AwaitingPayment, Event(PaymentEventKind.Succeeded) with { ProviderPaymentId = new string('x', 10_000) });

        decision.Explanation.Length.ShouldBeLessThan(200);
    }

    [Fact]
    public void Should_judge_the_payment_before_the_money() =>
        Decide(OrderStatus.AwaitingPayment, Event(PaymentEventKind.Succeeded, 1, "USD") with { ProviderPaymentId = "pi_other" })
            .Explanation.ShouldStartWith("Payment mismatch");

    /// <summary>Every arrival order of every multiset of up to four events, from a fresh order, ends in the same state.</summary>
    [Fact]
    public void Should_converge_whatever_the_arrival_order()
    {
        PaymentEventReceived[] pool =
        [
            Event(PaymentEventKind.Succeeded), Event(PaymentEventKind.Failed), Event(PaymentEventKind.Refunded),
            Event(PaymentEventKind.Succeeded, 1, "EUR"), Event(PaymentEventKind.Succeeded) with { ProviderPaymentId = "pi_other" },
        ];
        foreach (var subset in Subsets(pool.Length))
        {
            var events = subset.Select(i => pool[i]).ToArray();
            var finals = Permutations(events).Select(order => order.Aggregate(OrderStatus.AwaitingPayment, (s, e) => Decide(s, e).To)).Distinct().ToList();
            finals.Count.ShouldBe(1, $"events {string.Join(",", subset)} end in {string.Join(" or ", finals)}");
        }
    }

    private static Decision Decide(OrderStatus status, PaymentEventReceived @event) => OrderStateMachine.Decide(status, new OrderTerms(Amount, "EUR", "stripe", "pi"), @event);

    private static PaymentEventReceived Event(PaymentEventKind kind, long amount = Amount, string currency = "EUR") =>
        new(Guid.NewGuid(), "stripe", "stripe", "evt", kind, "pi", null, amount, currency, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static IEnumerable<int[]> Subsets(int n) =>
        Enumerable.Range(1, (1 << n) - 1).Select(mask => Enumerable.Range(0, n).Where(i => (mask & (1 << i)) != 0).ToArray());

    private static IEnumerable<T[]> Permutations<T>(T[] items) => items.Length <= 1
        ? [items]
        : items.SelectMany((item, i) => Permutations(items.Where((_, j) => j != i).ToArray()).Select(rest => (T[])[item, .. rest]));
}
