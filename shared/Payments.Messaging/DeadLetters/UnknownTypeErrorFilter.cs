using MassTransit;
using MassTransit.Middleware;
using MassTransit.Middleware.Rescue;

namespace Payments.Messaging.DeadLetters;

/// <summary>
/// The endpoint's dead-letter pipe (a message no consumer here took): moved to the `_error` queue like a fault, with
/// MassTransit's fault headers naming why, instead of to `_skipped` without a reason. MassTransit's own
/// ThrowOnSkippedMessages throws outside the error pipe on RabbitMQ, so the message would be redelivered forever.
/// </summary>
internal sealed class UnknownTypeErrorFilter : IFilter<ReceiveContext>
{
    private static readonly IFilter<ExceptionReceiveContext> ErrorTransport = new ErrorTransportFilter();

    public Task Send(ReceiveContext context, IPipe<ReceiveContext> next)
    {
        var exception = new MessageNotConsumedException(context.InputAddress,
            $"No consumer on this endpoint takes the message's type ({context.ContentType?.MediaType ?? "no content type"}).");
        return ErrorTransport.Send(new RescueExceptionReceiveContext(context, exception), Pipe.Empty<ExceptionReceiveContext>());
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("unknown-type-to-error");
}
