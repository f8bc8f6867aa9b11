using Payments.ProviderSimulator.State;

namespace Payments.ProviderSimulator.Stripe.Idempotency;

/// <summary>
/// Stripe's idempotency (https://docs.stripe.com/api/idempotent_requests): the first answer given under a key is
/// saved once the endpoint began executing and replayed for 24 hours to requests repeating it; the same key with
/// another endpoint or other parameters is an error, and so is a second request while the first still runs.
/// </summary>
internal sealed class IdempotencyStore
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Scope, string Key), Slot> _slots = [];
    private readonly TimeProvider _time;
    private DateTimeOffset _lastPurge;

    public IdempotencyStore(RestoredState restored, TimeProvider time)
    {
        _time = time;
        _lastPurge = time.GetUtcNow();
        foreach (var entry in restored.State?.Idempotency ?? [])
        {
            _slots[(entry.Scope, entry.Key)] = new Slot(entry.Fingerprint, entry.Response, entry.Created);
        }
    }

    public event Action? Changed;

    public IdempotencyClaim Claim(string scope, string key, string fingerprint)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_slots.TryGetValue((scope, key), out var slot) && slot.Created + Lifetime > now)
            {
                return slot.Fingerprint != fingerprint ? new IdempotencyClaim.Mismatch()
                    : slot.Response is { } response ? new IdempotencyClaim.Replay(response)
                    : new IdempotencyClaim.InProgress();
            }

            _slots[(scope, key)] = new Slot(fingerprint, null, now);
            return new IdempotencyClaim.Claimed();
        }
    }

    public void Complete(string scope, string key, StoredResponse response)
    {
        lock (_gate)
        {
            if (_slots.TryGetValue((scope, key), out var slot))
            {
                _slots[(scope, key)] = slot with { Response = response };
            }

            PurgeExpired();
        }

        Changed?.Invoke();
    }

    /// <summary>Frees a claimed key whose request saved nothing (failed validation, or was refused before running).</summary>
    public void Release(string scope, string key)
    {
        lock (_gate)
        {
            if (_slots.TryGetValue((scope, key), out var slot) && slot.Response is null)
            {
                _slots.Remove((scope, key));
            }
        }
    }

    public IReadOnlyList<IdempotencyEntry> Snapshot()
    {
        lock (_gate)
        {
            return _slots
                .Where(pair => pair.Value.Response is not null)
                .Select(pair => new IdempotencyEntry(pair.Key.Scope, pair.Key.Key, pair.Value.Fingerprint, pair.Value.Response!, pair.Value.Created))
                .ToList();
        }
    }

    // At most once a minute, so a load test's stream of keys does not make every request scan them all.
    private void PurgeExpired()
    {
        var now = _time.GetUtcNow();
        if (now - _lastPurge < TimeSpan.FromMinutes(1))
        {
            return;
        }

        _lastPurge = now;
        foreach (var expired in _slots.Where(pair => pair.Value.Created + Lifetime <= now).Select(pair => pair.Key).ToList())
        {
            _slots.Remove(expired);
        }
    }

    private sealed record Slot(string Fingerprint, StoredResponse? Response, DateTimeOffset Created);
}
