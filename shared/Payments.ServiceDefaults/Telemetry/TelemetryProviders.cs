using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Payments.ServiceDefaults.Telemetry;

/// <summary>Owns the SDK providers for the host's lifetime and flushes them on shutdown.</summary>
internal sealed class TelemetryProviders(TracerProvider tracing, MeterProvider metrics) : IHostedService, IDisposable
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        tracing.ForceFlush(5_000);
        metrics.ForceFlush(5_000);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        tracing.Dispose();
        metrics.Dispose();
    }
}
