using System.Diagnostics;
using System.Net;
using Payments.Notifications.Ledger;
using Payments.Notifications.Tests.Infrastructure;
using Payments.ServiceDefaults.Security;
using Payments.Testing.Security;

namespace Payments.Notifications.Tests.Api;

[Collection(NotificationsCollection.Name)]
public sealed class When_an_operator_reads_an_orders_emails(Infrastructure.Infrastructure infrastructure) : NotificationsTest(infrastructure)
{
    [Fact]
    public async Task Should_show_each_emails_kind_state_attempts_send_time_and_the_trace_of_the_event_that_caused_it()
    {
        using var spans = new CapturedActivities(); // spans exist only when someone listens (an OTLP exporter in production)
        var paid = SampleEvents.Paid();
        await Scenario.PublishAsync(paid);

        var sent = await Scenario.NotificationAsync(paid.OrderId, n => n.State == NotificationState.Sent, "the notification to be sent");

        (sent.Kind, sent.Attempts).ShouldBe(("paid", 1));
        sent.SentAt.ShouldNotBeNull();
        sent.TraceId.ShouldNotBeNull().ShouldMatch("^[0-9a-f]{32}$");
        spans.Activities.Select(a => a.TraceId.ToHexString()).ShouldContain(sent.TraceId);
    }

    [Fact]
    public async Task Should_refuse_a_caller_without_a_token_or_without_the_operator_scope()
    {
        var ct = TestContext.Current.CancellationToken;
        var url = new Uri($"/notifications?orderId={Guid.NewGuid()}", UriKind.Relative);
        using var anonymous = Scenario.App.CreateClient();
        using var reader = Scenario.App.CreateClient();
        reader.DefaultRequestHeaders.Authorization = TestTokens.Bearer(ApiAudiences.Notifications, Scopes.OrdersRead);

        (await anonymous.GetAsync(url, ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await reader.GetAsync(url, ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
