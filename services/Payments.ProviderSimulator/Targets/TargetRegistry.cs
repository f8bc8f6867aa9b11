using Microsoft.Extensions.Options;
using Payments.ProviderSimulator.Configuration;
using Payments.ProviderSimulator.Diagnostics;
using Payments.ProviderSimulator.State;

namespace Payments.ProviderSimulator.Targets;

/// <summary>
/// Every webhook receiver, whichever door it came in by (Stripe's /v1/webhook_endpoints, /sim/endpoints,
/// Simulator:Endpoints). Reads (one per event fanned out) take no lock: they see an immutable array replaced on change.
/// </summary>
internal sealed class TargetRegistry
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly string _liqPayPrivateKey;
    private WebhookTarget[] _targets;

    public TargetRegistry(RestoredState restored, IOptions<SimulatorOptions> options, TimeProvider time, ILogger<TargetRegistry> logger)
    {
        _time = time;
        _liqPayPrivateKey = options.Value.LiqPay.PrivateKey;
        var now = time.GetUtcNow();
        var configured = options.Value.Endpoints.Select(pair => new WebhookTarget(
            $"we_config_{pair.Key}",
            pair.Value.Scheme,
            pair.Value.Url,
            TargetSecrets.Resolve(pair.Value.Scheme, pair.Value.Secret, _liqPayPrivateKey),
            pair.Value.EnabledEvents.Count == 0 ? ["*"] : pair.Value.EnabledEvents,
            Description: $"Simulator:Endpoints:{pair.Key}",
            new Dictionary<string, string>(),
            now,
            TargetOrigin.Configuration));
        // A state file written under other Simulator:AllowedReceiverHosts must not bring back a receiver now refused.
        var allowed = ReceiverHosts.Allowed(options.Value);
        var kept = new List<WebhookTarget>();
        foreach (var target in restored.State?.Targets ?? [])
        {
            if (ReceiverHosts.IsAllowed(target.Url, allowed))
            {
                kept.Add(target);
            }
            else
            {
                logger.RestoredTargetRefused(target.Id, ReceiverHosts.HostOf(target.Url) ?? "");
            }
        }

        _targets = [.. configured, .. kept];
    }

    public event Action? Changed;

    public IReadOnlyList<WebhookTarget> All => Volatile.Read(ref _targets);

    public WebhookTarget Add(NewTarget target)
    {
        var added = new WebhookTarget(
            Ids.New("we"),
            target.Scheme,
            target.Url,
            TargetSecrets.Resolve(target.Scheme, target.Secret, _liqPayPrivateKey),
            target.EnabledEvents.Count == 0 ? ["*"] : target.EnabledEvents,
            target.Description,
            target.Metadata,
            _time.GetUtcNow(),
            target.Origin);
        lock (_gate)
        {
            _targets = [.. _targets, added];
        }

        Changed?.Invoke();
        return added;
    }

    public WebhookTarget? Find(string id) => Array.Find(Volatile.Read(ref _targets), t => t.Id == id);

    /// <summary>Replaces a receiver by a changed copy of itself; null when there is no receiver with this id.</summary>
    public WebhookTarget? Update(string id, Func<WebhookTarget, WebhookTarget> change)
    {
        WebhookTarget? updated;
        lock (_gate)
        {
            var index = Array.FindIndex(_targets, t => t.Id == id);
            if (index < 0)
            {
                return null;
            }

            updated = change(_targets[index]) with { Id = id };
            var copy = (WebhookTarget[])_targets.Clone();
            copy[index] = updated;
            _targets = copy;
        }

        Changed?.Invoke();
        return updated;
    }

    public WebhookTarget? Remove(string id)
    {
        WebhookTarget? removed;
        lock (_gate)
        {
            removed = Array.Find(_targets, t => t.Id == id);
            if (removed is null)
            {
                return null;
            }

            _targets = Array.FindAll(_targets, t => t.Id != id);
        }

        Changed?.Invoke();
        return removed;
    }

    /// <summary>What the state file keeps: receivers registered at run time (configured ones come from configuration).</summary>
    public IReadOnlyList<WebhookTarget> Snapshot() =>
        Array.FindAll(Volatile.Read(ref _targets), t => t.Origin != TargetOrigin.Configuration);
}
