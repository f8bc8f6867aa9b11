using Microsoft.Extensions.Logging;

namespace Payments.Testing.Hosting;

internal sealed class CapturedLogger(CapturedLogs logs, string category) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
        logs.Add($"{logLevel} {category}: {formatter(state, exception)} [{values}] [{logs.Scopes()}] {exception}");
    }
}
