using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Payments.Reconciliation.Diagnostics;
using Payments.Reconciliation.Housekeeping;
using Payments.Reconciliation.Providers;
using Payments.Reconciliation.Tests.Infrastructure;

namespace Payments.Reconciliation.Tests.Housekeeping;

/// <summary>
/// Two housekeeping passes (as two instances would run them) over one database with 300 due payments among 1000,
/// claiming small batches concurrently against a provider stub that counts what it is asked.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_two_instances_claim_at_once(PaymentSystem system) : IAsyncLifetime
{
    private const int Due = 300;
    private const int NotDue = 700;
    private ReconciliationApp _app = null!;

    // Only the two passes below claim: the app's own housekeeping would run its first pass whenever it got round to
    // it after start (on a loaded machine, after the seeding) and take rows from them.
    public async ValueTask InitializeAsync() =>
        (_app, _) = await ReconciliationApp.StartAsync(system.Broker, system.Postgres, system.Simulator.BaseUrl,
            services: services => services.Remove(services.Single(d => d.ImplementationType == typeof(HousekeepingService))));

    [Fact]
    public async Task Should_ask_about_each_due_payment_once_and_about_no_other()
    {
        var dataSource = _app.Services.GetRequiredService<NpgsqlDataSource>();
        await SeedAsync(dataSource);
        var provider = new CountingProvider();
        var options = Options.Create(new ReconciliationOptions { BatchSize = 20, Concurrency = 4, StaleAfter = TimeSpan.FromMinutes(1), GiveUpAfter = TimeSpan.FromHours(1) });
        var metrics = _app.Services.GetRequiredService<ReconciliationMetrics>();
        HousekeepingPass Instance() => new(dataSource, new ProviderCheck(new ProviderClients([provider]), options, metrics, TimeProvider.System), options, metrics,
            TimeProvider.System, NullLogger<HousekeepingPass>.Instance);

        var summaries = await Task.WhenAll(Instance().RunAsync(TestContext.Current.CancellationToken), Instance().RunAsync(TestContext.Current.CancellationToken));

        provider.Asked.Count.ShouldBe(Due);
        provider.Asked.Values.ShouldAllBe(times => times == 1);
        provider.Asked.Keys.ShouldAllBe(id => id.StartsWith("pi_due_", StringComparison.Ordinal));
        summaries.Sum(s => s.Checked).ShouldBe(Due);
        summaries.ShouldAllBe(s => s.Checked > 0, "both instances took part");
        (await _app.ScalarAsync<long>("SELECT count(*) FROM reconciliation.payments WHERE claim_id IS NOT NULL OR next_check_at <= now()")).ShouldBe(0);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task SeedAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO reconciliation.payments (order_id, payment_id, provider, amount_minor, currency, created_at, status, next_check_at)
            SELECT gen_random_uuid(), CASE WHEN i <= $1 THEN 'pi_due_' ELSE 'pi_later_' END || i, 'stripe', 4200, 'EUR',
                   now() - interval '5 minutes', 'awaiting_payment',
                   CASE WHEN i <= $1 THEN now() - interval '1 second' * i ELSE now() + interval '10 minutes' END
            FROM generate_series(1, $2) AS i
            """);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Due });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Due + NotDue });
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private sealed class CountingProvider : IPaymentStatusClient
    {
        public ConcurrentDictionary<string, int> Asked { get; } = new();

        public string Provider => "stripe";

        public async Task<ProviderPayment> GetAsync(PaymentReference payment, CancellationToken cancellationToken)
        {
            Asked.AddOrUpdate(payment.PaymentId, 1, (_, n) => n + 1);
            await Task.Delay(2, cancellationToken); // long enough for the two instances to interleave
            return new ProviderPayment(payment.PaymentId, payment.OrderId.ToString(), ProviderStatus.Pending, 4200, "EUR", 0, null, null);
        }
    }
}
