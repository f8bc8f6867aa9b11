using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Payments.Bench.Reconciliation;

/// <summary>The bench's world: intents at the simulator for the stale payments, and 100,000 watched payments in the database.</summary>
internal static class Seeding
{
    /// <summary>Creates <paramref name="count"/> intents; every tenth is confirmed (succeeded), the rest stay pending.</summary>
    public static async Task<List<string>> CreateIntentsAsync(string simulatorUrl, string apiKey, int count)
    {
        using var http = new HttpClient { BaseAddress = new Uri(simulatorUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var ids = new string[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
        {
            var form = new Dictionary<string, string> { ["amount"] = "4200", ["currency"] = "eur" };
            if (i % 10 == 0)
            {
                form["payment_method"] = "pm_card_visa";
                form["confirm"] = "true";
            }

            using var response = await http.PostAsync("/v1/payment_intents", new FormUrlEncodedContent(form), token);
            response.EnsureSuccessStatusCode();
            ids[i] = (await response.Content.ReadFromJsonAsync<JsonElement>(token)).GetProperty("id").GetString()!;
        });
        return [.. ids];
    }

    /// <summary>
    /// <paramref name="total"/> payments awaiting an outcome: the stale ones (real intent ids) due minutes ago, every
    /// other one due later today (ids the provider never saw: asking about one would show as a 404).
    /// </summary>
    public static async Task SeedAsync(NpgsqlDataSource dataSource, IReadOnlyList<string> staleIntents, int total)
    {
        await ExecuteAsync(dataSource, "TRUNCATE reconciliation.payments, reconciliation.findings, messaging.outbox");
        await ExecuteAsync(dataSource,
            """
            INSERT INTO reconciliation.payments (order_id, payment_id, provider, amount_minor, currency, created_at, status, next_check_at)
            SELECT gen_random_uuid(),
                   CASE WHEN i <= cardinality($1::text[]) THEN ($1::text[])[i] ELSE 'pi_bench_' || i END,
                   'stripe', 4200, 'EUR', now() - interval '20 minutes', 'awaiting_payment',
                   CASE WHEN i <= cardinality($1::text[]) THEN now() - interval '1 second' * i
                        ELSE now() + interval '1 minute' + interval '1 second' * (i % 21600) END
            FROM generate_series(1, $2) AS i
            """,
            new NpgsqlParameter<string[]> { TypedValue = [.. staleIntents] }, new NpgsqlParameter<int> { TypedValue = total });
        await ExecuteAsync(dataSource, "VACUUM ANALYZE reconciliation.payments");
    }

    /// <summary>Makes the stale payments stale again and forgets what the last pass announced, so every run does the same work.</summary>
    public static async Task ResetAsync(NpgsqlDataSource dataSource, IReadOnlyList<string> staleIntents)
    {
        await ExecuteAsync(dataSource,
            """
            UPDATE reconciliation.payments
            SET next_check_at = now() - interval '1 minute', checks = 0, provider_errors = 0, claim_id = NULL,
                provider_status = NULL, last_checked_at = NULL, last_error = NULL
            WHERE payment_id = ANY($1)
            """,
            new NpgsqlParameter<string[]> { TypedValue = [.. staleIntents] });
        await ExecuteAsync(dataSource, "TRUNCATE reconciliation.findings, messaging.outbox");
        await ExecuteAsync(dataSource, "VACUUM ANALYZE reconciliation.payments");
    }

    public static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, params NpgsqlParameter[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
