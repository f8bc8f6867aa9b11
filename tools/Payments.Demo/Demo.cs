using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace Payments.Demo;

internal sealed class Demo(DemoOptions options, DemoApis apis)
{
    private static readonly string[] Currencies = ["EUR", "USD", "GBP"];
    private readonly ConcurrentBag<DemoOrder> _orders = [];

    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"Demo: {options.Orders} orders; customers pay, are declined, retry and ask for refunds at the provider.");
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Orders), new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
            async (n, ct) => _orders.Add(await ActAsync(n, ct)));
        Console.WriteLine($"All customers acted in {clock.Elapsed.TotalSeconds:0.0} s; waiting for every order to reach the provider's state...");

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await RefreshAsync(cancellationToken);
            // Settled: in the provider's state, and the customer has been told (every final state sends an email).
            var done = _orders.Count(o => o.Matches && o.EmailsSent > 0);
            Console.Write($"\r  orders {_orders.Count} | paid {Count("paid")} | failed {Count("payment_failed")} | refunded {Count("refunded")} | awaiting {Count("awaiting_payment")} | emails {_orders.Sum(o => o.EmailsSent)} | settled {done}/{_orders.Count}   ");
            if (done == _orders.Count || deadline.Elapsed > options.Deadline)
            {
                break;
            }

            await Task.Delay(1000, cancellationToken);
        }

        Console.WriteLine();
        new DemoSummary([.. _orders], await apis.SimulatorStatsAsync(cancellationToken)).Print();
        return _orders.All(o => o.Matches);
    }

    private int Count(string status) => _orders.Count(o => o.Status == status);

    private async Task<DemoOrder> ActAsync(int n, CancellationToken cancellationToken)
    {
        var plan = CustomerPlans.For(n);
        var (id, paymentId) = await apis.CreateOrderAsync(500 + (n * 137 % 20_000), Currencies[n % Currencies.Length], $"customer{n}@example.com", cancellationToken);
        while (paymentId is null)
        {
            // The provider was unreachable at creation: Orders creates the payment from its outbox shortly.
            await Task.Delay(500, cancellationToken);
            using var order = await apis.GetOrderAsync(id, cancellationToken);
            var payment = order.RootElement.GetProperty("payment");
            paymentId = payment.ValueKind == JsonValueKind.Object ? payment.GetProperty("paymentId").GetString() : null;
        }

        switch (plan)
        {
            case CustomerPlan.Pays:
                await apis.ConfirmAsync(paymentId, "pm_card_visa", cancellationToken);
                break;
            case CustomerPlan.IsDeclined:
                await apis.ConfirmAsync(paymentId, "pm_card_chargeDeclined", cancellationToken);
                break;
            case CustomerPlan.IsDeclinedThenPays:
                await apis.ConfirmAsync(paymentId, "pm_card_chargeDeclined", cancellationToken);
                await apis.ConfirmAsync(paymentId, "pm_card_visa", cancellationToken);
                break;
            case CustomerPlan.PaysThenRefunds:
                await apis.ConfirmAsync(paymentId, "pm_card_visa", cancellationToken);
                await apis.RefundAsync(paymentId, cancellationToken);
                break;
        }

        return new DemoOrder(id, paymentId, plan) { ActedAt = DateTimeOffset.UtcNow };
    }

    private async Task RefreshAsync(CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(_orders.Where(o => !o.Matches || o.EmailsSent == 0),
            new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken }, async (order, ct) =>
            {
                using var document = await apis.GetOrderAsync(order.Id, ct);
                var root = document.RootElement;
                order.Status = root.GetProperty("status").GetString()!;
                var history = root.GetProperty("history").EnumerateArray().ToList();
                order.EventsRecorded = history.Count;
                var applied = history.Where(h => h.GetProperty("outcome").GetString() == "applied").ToList();
                if (order.Matches && applied.Count > 0)
                {
                    order.ReachedAt = applied.Max(h => h.GetProperty("recordedAt").GetDateTimeOffset());
                    order.RecoveredByReconciliation = applied.Any(h => h.GetProperty("source").GetString() == "reconciliation");
                }

                var sent = (await apis.NotificationsAsync(order.Id, ct)).Where(n => n.State == "sent").ToList();
                order.EmailsSent = sent.Count;
                order.LastEmailAt = sent.Max(n => n.SentAt);
            });
}
