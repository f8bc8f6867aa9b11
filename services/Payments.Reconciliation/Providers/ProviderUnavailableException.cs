using System.Net;

namespace Payments.Reconciliation.Providers;

/// <summary>The provider could not answer now (5xx, 429, connection failure): worth retrying, later.</summary>
public sealed class ProviderUnavailableException : Exception
{
    public ProviderUnavailableException(string message, HttpStatusCode? statusCode = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public ProviderUnavailableException() { }

    public ProviderUnavailableException(string message) : base(message) { }

    public ProviderUnavailableException(string message, Exception innerException) : base(message, innerException) { }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>The provider's Retry-After, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }
}
