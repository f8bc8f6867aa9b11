using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Payments.Testing.Hosting;

/// <summary>
/// Every log entry an in-process app writes, as text: message, structured values, scopes and exceptions in full; for
/// tests that look for a line, or prove that no secret or address is in any.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<string> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturedLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    internal void Add(string entry) => Entries.Enqueue(entry);

    internal string Scopes()
    {
        var scopes = new List<string>();
        _scopes.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? ""), scopes);
        return string.Join(" | ", scopes);
    }
}
