using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Payments.Testing.Tests.Privileges;

internal static class BrokerRefusal
{
    // Every action awaits the broker's answer, a publish too (its confirm): a refusal closes the channel and fails that
    // wait. A further call to learn of the refusal would race it: sent after the client answered the broker's close, it
    // arrives on a channel the broker has already closed, and the broker closes the whole connection (504 CHANNEL_ERROR).
    private static readonly CreateChannelOptions Confirms = new(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);

    /// <summary>
    /// Runs <paramref name="action"/> on a channel of its own and returns how the broker closed that channel, or null
    /// when it stayed open.
    /// </summary>
    public static async Task<ShutdownEventArgs?> CloseReasonAsync(IConnection connection, Func<IChannel, CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(Confirms, cancellationToken);
        try
        {
            await action(channel, cancellationToken);
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
