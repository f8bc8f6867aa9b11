namespace Payments.Messaging.Broker;

/// <summary>The event is not durable: the broker was unreachable, refused, returned it as unroutable or did not confirm in time.</summary>
public sealed class BrokerUnavailableException : Exception
{
    public BrokerUnavailableException(string message) : base(message) { }

    public BrokerUnavailableException(string message, Exception innerException) : base(message, innerException) { }

    public BrokerUnavailableException() { }
}
