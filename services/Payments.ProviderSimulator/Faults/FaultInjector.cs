using Microsoft.Extensions.Options;
using Payments.ProviderSimulator.Configuration;

namespace Payments.ProviderSimulator.Faults;

/// <summary>
/// Makes every fault decision from one Random, seeded by Simulator:Faults:Seed when set. Each decision draws the
/// same number of values whatever it decides, so a seed replays the same pattern for the same sequence of events.
/// </summary>
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private FaultSettings _settings;
    private Random _random;

    public FaultInjector(IOptions<SimulatorOptions> options)
    {
        _settings = options.Value.Faults;
        _random = _settings.Seed is { } seed ? new Random(seed) : new Random();
    }

    public FaultSettings Current
    {
        get
        {
            lock (_gate)
            {
                return _settings;
            }
        }
    }

    /// <summary>Replaces the settings; a seed in them restarts the random sequence, no seed keeps the current one.</summary>
    public void Update(FaultSettings settings)
    {
        lock (_gate)
        {
            _settings = settings;
            if (settings.Seed is { } seed)
            {
                _random = new Random(seed);
            }
        }
    }

    public WebhookFaults DecideWebhook()
    {
        lock (_gate)
        {
            var s = _settings;
            var drop = _random.NextDouble() < s.DropRate;
            var duplicate = _random.NextDouble() < s.DuplicateRate;
            var delay = (int)(_random.NextDouble() * s.MaxDelayMs);
            var reorder = _random.NextDouble() < s.ReorderRate;
            return drop
                ? WebhookFaults.None with { Drop = true }
                : new WebhookFaults(false, duplicate, delay, reorder, s.ReorderHoldMs);
        }
    }

    public ApiFault DecideApi()
    {
        lock (_gate)
        {
            var s = _settings;
            var error = _random.NextDouble();
            var delay = (int)(_random.NextDouble() * s.ApiMaxDelayMs);
            var kind = error < s.ApiErrorRate ? ApiFaultKind.ServerError
                : error < s.ApiErrorRate + s.RateLimitRate ? ApiFaultKind.RateLimited
                : ApiFaultKind.None;
            return new ApiFault(kind, delay, s.RateLimitRetryAfterSeconds);
        }
    }
}
