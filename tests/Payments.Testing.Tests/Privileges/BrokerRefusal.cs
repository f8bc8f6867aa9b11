using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Payments.Testing.Tests.Privileges;

internal static class BrokerRefusal
{
    /// <summary>
    /// Runs <paramref name="action"/> on a channel of its own and returns how the broker closed that channel, or null
    /// when it stayed open. A publish is not answered: a refusal closes the channel, which the next call on it sees.
    /// </summary>
    public static async Task<ShutdownEventArgs?> CloseReasonAsync(IConnection connection, Func<IChannel, CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await action(channel, cancellationToken);
            await channel.ExchangeDeclarePassiveAsync("amq.fanout", cancellationToken);
        }
        catch (OperationInterruptedException)
        {
        }

        return channel.CloseReason;
    }

    public static void ShouldBeAccessRefused(this ShutdownEventArgs? reason, string what)
    {
        reason.ShouldNotBeNull($"the broker must refuse {what}");
        reason.ReplyCode.ShouldBe((ushort)403, what);
        reason.ReplyText.ShouldStartWith("ACCESS_REFUSED", Case.Sensitive, what);
    }
}
