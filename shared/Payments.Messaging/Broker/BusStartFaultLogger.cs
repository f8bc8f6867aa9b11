using MassTransit;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client.Exceptions;

namespace Payments.Messaging.Broker;

/// <summary>
/// Logs an error when the bus fails to start, naming the broker user when the broker refused its login. MassTransit 8
/// does not retry a refused login (the receive transports stop, "masstransit-bus" stays unhealthy until the process
/// restarts), so this error is the one line that says why the service never becomes ready
/// (docs/decisions/0005-least-privilege-below-the-apis.md). The password is never logged.
/// </summary>
internal sealed partial class BusStartFaultLogger(ILogger<BusStartFaultLogger> logger, string user) : IBusObserver
{
    public void PostCreate(IBus bus) { }

    public void CreateFaulted(Exception exception) { }

    public Task PreStart(IBus bus) => Task.CompletedTask;

    public Task PostStart(IBus bus, Task<BusReady> busReady) => Task.CompletedTask;

    public Task StartFaulted(IBus bus, Exception exception)
    {
        if (IsRefusedLogin(exception))
            LogLoginRefused(user);
        else
            LogStartFaulted(exception.GetType().Name, exception.Message);
        return Task.CompletedTask;
    }

    public Task PreStop(IBus bus) => Task.CompletedTask;

    public Task PostStop(IBus bus) => Task.CompletedTask;

    public Task StopFaulted(IBus bus, Exception exception) => Task.CompletedTask;

    internal static bool IsRefusedLogin(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is AuthenticationFailureException || current.Message.Contains("ACCESS_REFUSED", StringComparison.Ordinal))
                return true;
            if (current is AggregateException aggregate && aggregate.InnerExceptions.Any(IsRefusedLogin))
                return true;
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "RabbitMQ refused the login of user {User} (ConnectionStrings:RabbitMq): the bus did not start and is not retried; check the user's password and that it exists on the broker, then restart the service")]
    private partial void LogLoginRefused(string user);

    [LoggerMessage(Level = LogLevel.Error, Message = "The message bus failed to start ({Error}: {Reason})")]
    private partial void LogStartFaulted(string error, string reason);
}
