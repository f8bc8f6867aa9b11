using System.Diagnostics.Metrics;
using Payments.Contracts;
using Payments.Reconciliation.Endpoints;
using Payments.Reconciliation.Housekeeping;
using Payments.Reconciliation.Providers;

namespace Payments.Reconciliation.Diagnostics;

/// <summary>Meter "Payments.Reconciliation".</summary>
public sealed class ReconciliationMetrics
{
    public const string MeterName = "Payments.Reconciliation";

    private readonly Counter<long> _passes;
    private readonly Counter<long> _checked;
    private readonly Counter<long> _recovered;
    private readonly Counter<long> _stuck;
    private readonly Counter<long> _providerErrors;
    private readonly Histogram<double> _passDuration;
    private readonly Counter<long> _endpointChecks;

    public ReconciliationMetrics(IMeterFactory meterFactory, EndpointStatuses endpoints)
    {
        var meter = meterFactory.Create(MeterName);
        _passes = meter.CreateCounter<long>("payments.reconciliation.passes", "{pass}", "Housekeeping passes run.");
        _checked = meter.CreateCounter<long>("payments.reconciliation.checked", "{payment}", "Payments whose provider answered, by provider and provider status.");
        _recovered = meter.CreateCounter<long>("payments.reconciliation.recovered", "{event}",
            "Outcomes found at the provider that Orders had not reported, announced as payment events, by kind.");
        _stuck = meter.CreateCounter<long>("payments.reconciliation.stuck", "{payment}", "Payments without an outcome when their watch ran out.");
        _providerErrors = meter.CreateCounter<long>("payments.reconciliation.provider_errors", "{call}",
            "Checks put off because the provider failed, by provider and reason (timeout, http_500, circuit_open, ...).");
        _passDuration = meter.CreateHistogram<double>("payments.reconciliation.pass.duration", "s", "Duration of a housekeeping pass.");
        _endpointChecks = meter.CreateCounter<long>("payments.reconciliation.endpoint_checks", "{check}",
            "Checks of a source's webhook endpoint at its provider, by source and status (ok, missing, disabled, ...).");
        // The current status per source (1 on its status, nothing on the others): an alert on status != ok clears when fixed.
        meter.CreateObservableGauge("payments.reconciliation.endpoint.status",
            () => endpoints.All.Select(r => new Measurement<int>(1, new("source", r.Source), new KeyValuePair<string, object?>("status", r.Status))),
            "{endpoint}", "Each source's webhook endpoint by its latest status.");
    }

    public void Passed(PassSummary summary)
    {
        _passes.Add(1);
        _passDuration.Record(summary.Duration.TotalSeconds);
    }

    public void Checked(string provider, ProviderStatus status) =>
        _checked.Add(1, new("provider", provider), new KeyValuePair<string, object?>("status", status.ToString()));

    public void Recovered(PaymentEventKind kind) => _recovered.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()));

    public void BecameStuck(int count)
    {
        if (count > 0)
        {
            _stuck.Add(count);
        }
    }

    public void EndpointChecked(string source, string status) =>
        _endpointChecks.Add(1, new("source", source), new KeyValuePair<string, object?>("status", status));

    public void ProviderError(string provider, string reason) =>
        _providerErrors.Add(1, new("provider", provider), new KeyValuePair<string, object?>("reason", reason));
}
