using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Payments.Messaging.Broker;
using RabbitMQ.Client;

namespace Payments.Ingress.Tests.Publishing;

/// <summary>
/// Reading and verifying may use up the response budget (a slow upload, a starved CPU): what is left is then zero or
/// negative, and the publish must fail as the broker being unavailable (503 + Retry-After), not as a bad argument (500).
/// </summary>
public sealed class When_no_budget_is_left_to_publish
{
    [Theory]
    [InlineData(0)]
    [InlineData(-250)]
    public async Task Should_fail_as_broker_unavailable(int leftMilliseconds)
    {
        var options = Options.Create(new PublisherOptions { ConfirmTimeout = TimeSpan.FromSeconds(1) });
        // Never started: a publish that got as far as the connection would fail differently ("not open").
        var broker = new BrokerConnection(new ConfigurationBuilder().Build(), options, NullLogger<BrokerConnection>.Instance);
        var publisher = new ConfirmedPublisher(broker, options);

        var failure = await Should.ThrowAsync<BrokerUnavailableException>(() => publisher.PublishAsync(
            "payments-test", new byte[] { 1 }, new BasicProperties(), mandatory: true, TimeSpan.FromMilliseconds(leftMilliseconds),
            TestContext.Current.CancellationToken));

        failure.Message.ShouldContain("No time was left");
    }
}
