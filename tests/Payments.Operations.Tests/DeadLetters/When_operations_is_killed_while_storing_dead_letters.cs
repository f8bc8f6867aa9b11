using System.Text;
using Payments.Messaging.Wire;
using Payments.Operations.Tests.Infrastructure;
using Payments.ServiceDefaults.Security;
using Payments.Testing;
using Payments.Testing.Messaging;
using Payments.Testing.Security;
using RabbitMQ.Client;

namespace Payments.Operations.Tests.DeadLetters;

/// <summary>
/// Operations runs as a real process and is killed (SIGKILL) while it takes 300 dead letters off Orders' error queue:
/// what it had not acknowledged goes back to the queue. After a restart every letter is stored exactly once and the queue
/// is empty. A kill between a letter's commit and its acknowledgement leaves a copy of a stored letter in the queue; the
/// kill rarely lands in that window, so the test then puts such copies there itself: they are absorbed, not stored twice.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class When_operations_is_killed_while_storing_dead_letters(Servers servers) : IAsyncLifetime
{
    private const string Queue = "orders-payment-events_error";
    private const int Total = 300;

    private OperationsProcess _operations = null!;

    public async ValueTask InitializeAsync() => _operations = await OperationsProcess.StartAsync(servers, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _operations.DisposeAsync();

    [Fact]
    public async Task Should_store_each_once_after_a_restart()
    {
        var token = TestContext.Current.CancellationToken;
        var orderId = Guid.NewGuid();
        await using var bus = await TestBus.ConnectAsync(servers.Broker);
        for (var i = 0; i < Total; i++)
        {
            await bus.PublishAsync(PaymentEvents.Succeeded(orderId, "pi_killed_storing"));
        }

        var mine = $"order_id = '{orderId}'";
        await Eventually.TrueAsync(async () => await _operations.CountAsync(mine) >= 10, TimeSpan.FromSeconds(60), "the first letters stored", token);
        await _operations.Process.KillAsync();
        var before = await _operations.CountAsync(mine);
        before.ShouldBeLessThan(Total, "killed before every letter was stored");

        await _operations.Process.StartAsync(cancellationToken: token);
        await Eventually.TrueAsync(async () => await _operations.CountAsync(mine) == Total && await servers.Broker.MessageCountAsync(Queue, token) == 0,
            TimeSpan.FromSeconds(90), $"all {Total} letters stored and the queue empty", token);
        (await _operations.CountAsync($"{mine} AND message_id IS NOT NULL")).ShouldBe(Total);

        using var client = new HttpClient { BaseAddress = new Uri(_operations.Process.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = TestTokens.Bearer(ApiAudiences.Operations, Scopes.PaymentsOps);
        var stored = (await client.DeadLettersAsync($"?orderId={orderId}&pageSize=5")).Items;
        await using (var connection = await new ConnectionFactory { Uri = new Uri(servers.Broker.AmqpUri) }.CreateConnectionAsync(token))
        await using (var channel = await connection.CreateChannelAsync(
                         new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), token))
        {
            foreach (var letter in stored)
            {
                // The same message as it sits in the error queue: its id and MassTransit's fault time make it the same letter.
                var detail = await client.DeadLetterAsync(letter.Id);
                var properties = new BasicProperties
                {
                    MessageId = letter.MessageId,
                    Persistent = true,
                    Headers = new Dictionary<string, object?> { [FaultHeaders.Timestamp] = detail.Headers[FaultHeaders.Timestamp] },
                };
                await channel.BasicPublishAsync("", Queue, mandatory: true, properties, Encoding.UTF8.GetBytes("{}"), token);
            }
        }

        await Eventually.TrueAsync(async () => await servers.Broker.MessageCountAsync(Queue, token) == 0, TimeSpan.FromSeconds(30),
            "the copies taken off the queue", token);
        await Task.Delay(TimeSpan.FromMilliseconds(500), token); // the last one's commit, had it stored anything
        var copied = string.Join(", ", stored.Select(l => $"'{l.MessageId}'"));
        (await _operations.CountAsync($"message_id IN ({copied})")).ShouldBe(stored.Count, "a copy of a stored letter is absorbed, not stored twice");
    }
}
