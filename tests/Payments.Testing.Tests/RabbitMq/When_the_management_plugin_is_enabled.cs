using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Payments.Testing.Tests.RabbitMq;

// A class fixture, not the shared broker collection: this broker is only needed here.
public sealed class When_the_management_plugin_is_enabled(ManagedBrokerFixture broker) : IClassFixture<ManagedBrokerFixture>
{
    [Fact]
    public async Task Should_serve_the_http_api_on_its_own_port()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{broker.ManagementPort}/api/overview");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(broker.NodeName);
    }
}
