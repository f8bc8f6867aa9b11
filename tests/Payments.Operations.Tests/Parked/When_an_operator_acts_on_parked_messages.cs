using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Payments.Contracts;
using Payments.Messaging.Outbox;
using Payments.Messaging.Wire;
using Payments.Operations.Parked;
using Payments.Operations.Tests.Infrastructure;
using Payments.Operations.Tests.Timeline;
using Payments.Testing;
using Payments.Testing.Messaging;

namespace Payments.Operations.Tests.Parked;

/// <summary>
/// Parked messages of the real Reconciliation and Notifications, acted on through Operations, which asks the owners:
/// an outbox row Reconciliation's relay gave up on is requeued and published; a parked email is listed beside it and
/// sent again by Notifications (which parks it again: its address is no address).
/// </summary>
[Collection(StoryCollection.Name)]
public sealed class When_an_operator_acts_on_parked_messages(StorySystem system) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OperationsApp _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync() => (_app, _client) = await system.StartOperationsAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Should_requeue_a_row_reconciliation_parked_which_it_then_publishes()
    {
        var finding = PaymentEvents.Succeeded(Guid.NewGuid(), "pi_parked_finding");
        await using var bus = await TestBus.ConnectAsync(system.Broker);
        var watched = await bus.WatchAsync(typeof(PaymentEventReceived));
        var id = Guid.NewGuid();
        await ParkAtReconciliationAsync(id, finding);

        var parked = await ParkedAsync();
        parked.Unavailable.ShouldBeEmpty();
        parked.Items.ShouldContain(p => p.Service == ParkedServices.Reconciliation && p.Id == id && p.Kind == "outbox");

        using var requeue = await _client.PostAsync(new Uri($"/api/parked/reconciliation/{id}/requeue", UriKind.Relative), null, Ct);

        requeue.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var published = await Eventually.ValueAsync(() => bus.DrainAsync(watched), m => m.Count > 0, TimeSpan.FromSeconds(20),
            "Reconciliation's relay to publish the requeued row", Ct);
        published.ShouldHaveSingleItem().MessageId.ShouldBe(id.ToString());
        (await ParkedAsync()).Items.ShouldNotContain(p => p.Id == id);
    }

    [Fact]
    public async Task Should_list_a_parked_email_and_have_notifications_send_it_again()
    {
        var paid = new OrderPaid(Guid.NewGuid(), "pi_parked_email", 4200, "EUR", "no address at all", DateTimeOffset.UtcNow, Guid.NewGuid());
        await using var bus = await TestBus.ConnectAsync(system.Broker);
        await bus.PublishAsync(paid, typeof(OrderPaid), Guid.NewGuid());

        var parked = await Eventually.ValueAsync(ParkedAsync, p => p.Items.Any(i => i.OrderId == paid.OrderId), TimeSpan.FromSeconds(30),
            "Notifications to park the email", Ct);
        parked.Unavailable.ShouldBeEmpty();
        var email = parked.Items.Single(i => i.OrderId == paid.OrderId);
        (email.Service, email.Kind).ShouldBe((ParkedServices.Notifications, "notification"));

        using var resend = await _client.PostAsync(new Uri($"/api/parked/notifications/{email.Id}/resend", UriKind.Relative), null, Ct);

        resend.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var notifications = new HttpClient { BaseAddress = new Uri(system.Notifications.BaseUrl) };
        notifications.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StorySystem.OperatorToken);
        var recorded = await notifications.GetFromJsonAsync<JsonElement>($"/notifications?orderId={paid.OrderId}", Ct);
        recorded.EnumerateArray().ShouldHaveSingleItem().GetProperty("resentAt").ValueKind.ShouldBe(JsonValueKind.String, "Notifications resent it");
        using var again = await _client.PostAsync(new Uri($"/api/parked/orders/{email.Id}/resend", UriKind.Relative), null, Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "only Notifications resends");
    }

    private async Task<ParkedList> ParkedAsync() => (await _client.GetFromJsonAsync<ParkedList>("/api/parked", Ct)).ShouldNotBeNull();

    /// <summary>As Reconciliation's relay parks a row it gave up on (messaging.outbox_parked).</summary>
    private async Task ParkAtReconciliationAsync(Guid id, PaymentEventReceived message)
    {
        await using var connection = new NpgsqlConnection(system.ReconciliationDatabase);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO messaging.outbox_parked (id, message_type, destination, body, headers, mandatory, created_at, attempts, last_error)
            VALUES ($1, $2, $3, $4::json, '{}', true, now(), 10, 'The broker did not confirm the message in time.')
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = MessageUrn.For(typeof(PaymentEventReceived)) });
        command.Parameters.Add(new NpgsqlParameter { Value = MessageUrn.ExchangeFor(typeof(PaymentEventReceived)) });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(message, OutboxWriter.Json) });
        await command.ExecuteNonQueryAsync(Ct);
    }
}
