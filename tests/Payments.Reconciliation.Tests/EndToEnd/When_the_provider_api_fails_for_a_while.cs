using Payments.Reconciliation.Tests.Infrastructure;
using Payments.Testing;

namespace Payments.Reconciliation.Tests.EndToEnd;

/// <summary>
/// Every webhook is lost and the provider's API answers 500 to everything for a while: checks are put off (the
/// circuit opens), nothing is announced, and once the API is back every payment is recovered exactly once.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_the_provider_api_fails_for_a_while(PaymentSystem system) : IAsyncLifetime
{
    private const int Payments = 6;
    private readonly MetricTotals _metrics = new("payments.reconciliation.provider_errors", "payments.reconciliation.recovered");
    private ReconciliationApp _app = null!;

    // A slower first check, so the outage is in place before any payment is due.
    public async ValueTask InitializeAsync() =>
        (_app, _) = await ReconciliationApp.StartAsync(system.Broker, system.Postgres, system.Simulator.BaseUrl,
            new Dictionary<string, string?> { ["Reconciliation:StaleAfter"] = "00:00:05" });

    [Fact]
    public async Task Should_delay_but_lose_nothing()
    {
        await system.Simulator.SetFaultsAsync(dropRate: 1);
        var orders = new List<Guid>();
        for (var i = 0; i < Payments; i++)
        {
            var (orderId, paymentId) = await system.Orders.CreateAsync();
            await system.Simulator.ConfirmAsync(paymentId, "pm_card_visa");
            orders.Add(orderId);
        }

        await system.Simulator.SetFaultsAsync(dropRate: 1, apiErrorRate: 1);
        await Eventually.TrueAsync(() => _metrics["payments.reconciliation.provider_errors"] >= 2 * Payments,
            TimeSpan.FromSeconds(30), "housekeeping to meet the outage", TestContext.Current.CancellationToken);
        foreach (var orderId in orders)
        {
            (await system.Orders.StatusAsync(orderId)).ShouldBe("awaiting_payment");
        }

        (await _app.ScalarAsync<long>("SELECT count(*) FROM reconciliation.payments WHERE claim_id IS NOT NULL AND next_check_at < now()"))
            .ShouldBe(0, "a failed check releases its claim");

        await system.Simulator.SetFaultsAsync(dropRate: 1);
        await Eventually.TrueAsync(async () =>
        {
            foreach (var orderId in orders)
            {
                if (await system.Orders.StatusAsync(orderId) != "paid")
                {
                    return false;
                }
            }

            return true;
        }, TimeSpan.FromSeconds(60), "every order to be paid once the API is back", TestContext.Current.CancellationToken);

        foreach (var orderId in orders)
        {
            var history = (await system.Orders.GetAsync(orderId)).GetProperty("history").EnumerateArray().ToList();
            history.Select(e => $"{e.GetProperty("source").GetString()} {e.GetProperty("kind").GetString()} {e.GetProperty("outcome").GetString()}")
                .ShouldBe(["reconciliation Succeeded applied"]);
        }

        (await _app.ScalarAsync<long>("SELECT count(*) FROM reconciliation.findings")).ShouldBe(Payments);
        _metrics["payments.reconciliation.recovered"].ShouldBe(Payments);
    }

    public async ValueTask DisposeAsync()
    {
        await system.Simulator.SetFaultsAsync();
        _metrics.Dispose();
        await _app.DisposeAsync();
    }
}
