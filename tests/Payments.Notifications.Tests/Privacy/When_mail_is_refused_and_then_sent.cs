using Payments.Notifications.Ledger;
using Payments.Notifications.Tests.Infrastructure;
using Payments.Testing.Hosting;

namespace Payments.Notifications.Tests.Privacy;

/// <summary>The customer's address is personal data: it goes to the SMTP server and the database, nowhere else.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class When_mail_is_refused_and_then_sent(Infrastructure.Infrastructure infrastructure) : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private readonly CapturedActivities _spans = new();
    private NotificationsScenario _scenario = null!;

    public async ValueTask InitializeAsync() =>
        _scenario = await NotificationsScenario.CreateAsync(infrastructure, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" }, _logs);

    public async ValueTask DisposeAsync()
    {
        _spans.Dispose();
        await _scenario.DisposeAsync();
    }

    [Fact]
    public async Task Should_never_write_the_customer_address_to_logs_or_traces()
    {
        var ct = TestContext.Current.CancellationToken;
        var local = $"private-{Guid.NewGuid():N}";
        var paid = SampleEvents.Paid(email: $"{local}@example.com");
        await _scenario.Smtp.RefuseAsync(true, ct);
        await _scenario.PublishAsync(paid);
        await _scenario.NotificationAsync(paid.OrderId, n => n.Attempts >= 2, "a few refused attempts");
        await _scenario.Smtp.RefuseAsync(false, ct);
        await _scenario.NotificationAsync(paid.OrderId, n => n.State == NotificationState.Sent, "the notification to be sent");

        _logs.Entries.ShouldNotBeEmpty();
        _logs.Entries.ShouldContain(e => e.Contains(paid.OrderId.ToString(), StringComparison.Ordinal), "the failed attempts are logged, by order id");
        _spans.Spans.ShouldContain(s => s.Contains("notification send", StringComparison.Ordinal));
        _logs.Entries.Where(e => e.Contains(local, StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty();
        _spans.Spans.Where(s => s.Contains(local, StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty();
    }
}
