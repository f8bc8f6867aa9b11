using System.Net;
using System.Net.Http.Json;
using Payments.Notifications.Ledger;
using Payments.Notifications.Tests.Infrastructure;

namespace Payments.Notifications.Tests.Delivery;

[Collection(NotificationsCollection.Name)]
public sealed class When_the_outage_outlasts_the_budget(Infrastructure.Infrastructure infrastructure) : IAsyncLifetime
{
    private NotificationsScenario _scenario = null!;

    public async ValueTask InitializeAsync() =>
        _scenario = await NotificationsScenario.CreateAsync(infrastructure, new Dictionary<string, string?> { ["Notifications:Delivery:MaxAttempts"] = "3" });

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Should_park_the_notification_with_the_reason_and_send_it_once_when_resent()
    {
        var ct = TestContext.Current.CancellationToken;
        await _scenario.Smtp.StopAsync(ct);
        var paid = SampleEvents.Paid();
        await _scenario.PublishAsync(paid);

        var parked = await _scenario.NotificationAsync(paid.OrderId, n => n.State == NotificationState.Parked, "the notification to be parked");
        parked.Attempts.ShouldBe(3);
        parked.ParkedAt.ShouldNotBeNull();
        parked.SentAt.ShouldBeNull();
        parked.LastError.ShouldNotBeNullOrWhiteSpace();
        parked.LastError.ShouldContain("Connection refused");
        (await _scenario.Client.GetFromJsonAsync<List<NotificationResponse>>("/notifications/parked", ct)).ShouldNotBeNull()
            .ShouldHaveSingleItem().Id.ShouldBe(parked.Id);
        (await _scenario.Client.GetFromJsonAsync<ParkedCount>("/notifications/parked/count", ct)).ShouldBe(new ParkedCount(1));

        await _scenario.Smtp.StartAsync(ct);
        var resend = await _scenario.Client.PostAsync(new Uri($"/notifications/{parked.Id}/resend", UriKind.Relative), null, ct);
        resend.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var requeued = (await resend.Content.ReadFromJsonAsync<NotificationResponse>(ct))!;
        requeued.State.ShouldBe(NotificationState.Pending);
        requeued.ResentAt.ShouldNotBeNull();
        (await _scenario.Client.GetFromJsonAsync<ParkedCount>("/notifications/parked/count", ct)).ShouldBe(new ParkedCount(0));

        var sent = await _scenario.NotificationAsync(paid.OrderId, n => n.State == NotificationState.Sent, "the resent notification to be sent");
        sent.MessageId.ShouldBe(parked.MessageId);
        var emails = await _scenario.EmailsToAsync(paid.CustomerEmail);
        emails.Count.ShouldBe(1);
        emails[0].MessageId.ShouldBe(parked.MessageId);

        var again = await _scenario.Client.PostAsync(new Uri($"/notifications/{parked.Id}/resend", UriKind.Relative), null, ct);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        again.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
