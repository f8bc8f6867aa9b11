using Payments.ProviderSimulator.Payments;
using Payments.ProviderSimulator.Stripe;
using Payments.ProviderSimulator.Targets;

namespace Payments.ProviderSimulator.Deliveries;

/// <summary>
/// One event on its way to one receiver: the fault decisions made for it and its attempts. Changed by the fan-out,
/// the reorderer and one dispatcher worker at a time, read by GET /sim/deliveries; a lock keeps the view whole.
/// </summary>
internal sealed class Delivery
{
    private readonly Lock _gate = new();
    private readonly List<DeliveryAttempt> _attempts = [];
    private DeliveryState _state = DeliveryState.Pending;
    private bool _dropped;
    private string? _duplicatedAs;
    private int _delayMs;
    private bool _reordered;
    private string? _releasedAfter;
    private DateTimeOffset? _firstAttemptAt;
    private DateTimeOffset? _nextAttemptAt;
    private Delivery? _heldBehind;

    public Delivery(string id, PaymentEvent @event, WebhookTarget target, WebhookMessage message, string? duplicateOf, DateTimeOffset created)
    {
        Id = id;
        Event = @event;
        Target = target;
        Message = message;
        DuplicateOf = duplicateOf;
        Created = created;
    }

    public string Id { get; }

    public PaymentEvent Event { get; }

    public WebhookTarget Target { get; }

    public WebhookMessage Message { get; }

    public string? DuplicateOf { get; }

    public DateTimeOffset Created { get; }

    public int DelayMs
    {
        get
        {
            lock (_gate)
            {
                return _delayMs;
            }
        }
    }

    /// <summary>A second delivery of the same message to the same receiver (the duplicate fault).</summary>
    public Delivery Duplicate(DateTimeOffset now)
    {
        var copy = new Delivery(Ids.New("dlv"), Event, Target, Message, Id, now);
        lock (_gate)
        {
            _duplicatedAs = copy.Id;
        }

        return copy;
    }

    public void MarkDropped() => Update(() => (_dropped, _state) = (true, DeliveryState.Dropped));

    public void MarkDelayed(int delayMs) => Update(() => _delayMs = delayMs);

    public void MarkHeld() => Update(() => (_reordered, _state) = (true, DeliveryState.Held));

    public void MarkReleased(string after) => Update(() => (_releasedAfter, _state) = (after, DeliveryState.Pending));

    public void ScheduledFor(DateTimeOffset at) => Update(() => _nextAttemptAt = at);

    /// <summary>Makes <paramref name="held"/> wait until this delivery's first attempt is over.</summary>
    public void HoldBehind(Delivery held) => Update(() => _heldBehind = held);

    /// <summary>The delivery held behind this one, handed over once (null if none).</summary>
    public Delivery? TakeHeldBehind()
    {
        lock (_gate)
        {
            var held = _heldBehind;
            _heldBehind = null;
            return held;
        }
    }

    /// <summary>Starts an attempt; returns its number (1 for the first) and how long ago the first one started.</summary>
    public (int Number, TimeSpan SinceFirst) BeginAttempt(DateTimeOffset now)
    {
        lock (_gate)
        {
            _firstAttemptAt ??= now;
            _nextAttemptAt = null;
            return (_attempts.Count + 1, now - _firstAttemptAt.Value);
        }
    }

    public void Delivered(DeliveryAttempt attempt) => Finish(attempt, DeliveryState.Delivered, next: null);

    public void Failed(DeliveryAttempt attempt, DateTimeOffset next) => Finish(attempt, DeliveryState.Pending, next);

    public void GaveUp(DeliveryAttempt attempt) => Finish(attempt, DeliveryState.GaveUp, next: null);

    public void Cancel() => Update(() => (_state, _nextAttemptAt) = (DeliveryState.Cancelled, null));

    public DeliveryView ToView()
    {
        lock (_gate)
        {
            return new DeliveryView(
                Id,
                Event.Id,
                StripeEventTypes.Name(Event.Type),
                Event.Payment.Id,
                Target.Id,
                Target.Scheme,
                Target.Url,
                Message.MessageId,
                DuplicateOf,
                new DeliveryFaultsView(_dropped, _duplicatedAs, _delayMs, _reordered, _releasedAfter),
                _state,
                [.. _attempts],
                Created,
                _nextAttemptAt);
        }
    }

    private void Finish(DeliveryAttempt attempt, DeliveryState state, DateTimeOffset? next) => Update(() =>
    {
        _attempts.Add(attempt);
        _state = state;
        _nextAttemptAt = next;
    });

    private void Update(Action change)
    {
        lock (_gate)
        {
            change();
        }
    }
}
