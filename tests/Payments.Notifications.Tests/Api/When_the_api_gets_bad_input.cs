using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.Notifications.Ledger;
using Payments.Notifications.Tests.Infrastructure;

namespace Payments.Notifications.Tests.Api;

[Collection(NotificationsCollection.Name)]
public sealed class When_the_api_gets_bad_input(Infrastructure.Infrastructure infrastructure) : NotificationsTest(infrastructure)
{
    [Theory]
    [InlineData("/notifications")]
    [InlineData("/notifications?orderId=")]
    [InlineData("/notifications?orderId=not-a-uuid")]
    public async Task Should_answer_400_with_a_problem_naming_the_order_id(string url)
    {
        var response = await Scenario.Client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        problem.GetProperty("errors").TryGetProperty("orderId", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Should_list_nothing_for_an_order_it_never_heard_of() =>
        (await Scenario.NotificationsAsync(Guid.NewGuid())).ShouldBeEmpty();

    [Fact]
    public async Task Should_answer_400_for_resending_a_malformed_id_and_404_for_an_unknown_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var malformed = await Scenario.Client.PostAsync(new Uri("/notifications/42/resend", UriKind.Relative), null, ct);
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        malformed.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var unknown = await Scenario.Client.PostAsync(new Uri($"/notifications/{Guid.NewGuid()}/resend", UriKind.Relative), null, ct);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Should_never_return_the_recipient_or_the_content()
    {
        var paid = SampleEvents.Paid();
        await Scenario.PublishAsync(paid);
        await Scenario.NotificationAsync(paid.OrderId, n => n.State == NotificationState.Sent, "the notification to be sent");

        var json = await Scenario.Client.GetStringAsync(new Uri($"/notifications?orderId={paid.OrderId}", UriKind.Relative), TestContext.Current.CancellationToken);
        json.ShouldNotContain(paid.CustomerEmail);
        json.ShouldNotContain("Thank you");
    }
}
