using Payments.Reconciliation.Tests.Infrastructure;
using Payments.Testing;

namespace Payments.Reconciliation.Tests.EndToEnd;

/// <summary>
/// Thirty orders paid, declined and refunded at the provider while it drops a fifth of its webhooks for good:
/// housekeeping finds what never came, and every order ends as the provider has it.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_webhooks_are_lost(PaymentSystem system) : IAsyncLifetime
{
    private const int Orders = 30;
    private readonly MetricTotals _metrics = new("payments.reconciliation.recovered", "payments.reconciliation.checked");
    private ReconciliationApp _app = null!;

    public async ValueTask InitializeAsync() =>
        (_app, _) = await ReconciliationApp.StartAsync(system.Broker, system.Postgres, system.Simulator.BaseUrl);

    [Fact]
    public async Task Every_order_ends_in_its_provider_side_state()
    {
        await system.Simulator.SetFaultsAsync(dropRate: 0.2, seed: 20260105);
        var expected = new Dictionary<Guid, string>();
        for (var i = 0; i < Orders; i++)
        {
            var (orderId, paymentId) = await system.Orders.CreateAsync(amountMinor: 1000 + i);
            switch (i % 3)
            {
                case 0:
                    await system.Simulator.ConfirmAsync(paymentId, "pm_card_visa");
                    expected[orderId] = "paid";
                    break;
                case 1:
                    await system.Simulator.ConfirmAsync(paymentId, "pm_card_chargeDeclined");
                    expected[orderId] = "payment_failed";
                    break;
                default:
                    await system.Simulator.ConfirmAsync(paymentId, "pm_card_visa");
                    await system.Simulator.RefundAsync(paymentId);
                    expected[orderId] = "refunded";
                    break;
            }
        }

        var dropped = (await system.Simulator.StatsAsync()).GetProperty("dropped").GetInt64();
        dropped.ShouldBeGreaterThan(0, "the simulator must actually have dropped webhooks for this test to prove anything");

        var mismatched = await Eventually.ValueAsync(
            async () =>
            {
                var wrong = new List<string>();
                foreach (var (orderId, status) in expected)
                {
                    var actual = await system.Orders.StatusAsync(orderId);
                    if (actual != status)
                    {
                        wrong.Add($"{orderId}: {actual}, provider says {status}");
                    }
                }

                return wrong;
            },
            wrong => wrong.Count == 0, TimeSpan.FromSeconds(60), "every order to match the provider", TestContext.Current.CancellationToken);
        mismatched.ShouldBeEmpty();
        _metrics["payments.reconciliation.recovered"].ShouldBeGreaterThan(0, "some outcomes arrived only through reconciliation");
    }

    public async ValueTask DisposeAsync()
    {
        await system.Simulator.SetFaultsAsync();
        _metrics.Dispose();
        await _app.DisposeAsync();
    }
}
