using System.Collections.Concurrent;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Payments.Bench.Baselines;

/// <summary>
/// The synchronous design the pipeline is compared with: verify the Stripe signature, update the order and send the
/// email inline, and answer only then (SMTP clients pooled, as Notifications does).
/// </summary>
internal sealed class SyncWebhook(IConfiguration configuration) : IDisposable
{
    private readonly NpgsqlDataSource _db = NpgsqlDataSource.Create(configuration["SyncDb"] ?? "Host=127.0.0.1;Username=postgres");
    private readonly byte[] _key = Encoding.UTF8.GetBytes(configuration["Secret"] ?? "whsec_bench");
    private readonly ConcurrentBag<SmtpClient> _clients = [];

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.ToArray();
        var header = request.Headers["Stripe-Signature"].ToString().Split(',');
        var t = header.FirstOrDefault(p => p.StartsWith("t=", StringComparison.Ordinal))?[2..];
        var v1 = header.FirstOrDefault(p => p.StartsWith("v1=", StringComparison.Ordinal))?[3..];
        if (t is null || v1 is null || !CryptographicOperations.FixedTimeEquals(
                HMACSHA256.HashData(_key, (byte[])[.. Encoding.UTF8.GetBytes(t + "."), .. body]), Convert.FromHexString(v1)))
        {
            return Results.StatusCode(401);
        }

        using var json = JsonDocument.Parse(body);
        var orderId = Guid.Parse(json.RootElement.GetProperty("data").GetProperty("object").GetProperty("metadata").GetProperty("order_id").GetString()!);
        await using var command = _db.CreateCommand(
            "UPDATE sync_orders SET status = 'paid', updated_at = now() WHERE id = $1 AND status <> 'paid' RETURNING customer_email, amount_minor, currency");
        command.Parameters.AddWithValue(orderId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return Results.Ok();
        }

        var (email, amount, currency) = (reader.GetString(0), reader.GetInt64(1), reader.GetString(2));
        var client = _clients.TryTake(out var pooled) ? pooled : new SmtpClient(configuration["SmtpHost"] ?? "127.0.0.1", int.Parse(configuration["SmtpPort"] ?? "2525"));
        try
        {
            using var message = new MailMessage("shop@example.com", email, "Thank you for your purchase!", $"We received {amount / 100m:0.00} {currency}.");
            await client.SendMailAsync(message, cancellationToken);
        }
        finally
        {
            _clients.Add(client);
        }

        return Results.Ok();
    }

    public void Dispose()
    {
        _db.Dispose();
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}
