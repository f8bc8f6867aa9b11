using Payments.ProviderSimulator.State;

namespace Payments.ProviderSimulator.Payments;

/// <summary>
/// The sandbox account: payments, charges and refunds, in memory, behind one lock (a sandbox's throughput needs no
/// more). Every change returns the event it raised; the caller publishes it. <see cref="Changed"/> tells the state
/// file writer, outside the lock.
/// </summary>
internal sealed class PaymentLedger
{
    // LiqPay payment ids are plain numbers; start where they look like LiqPay's.
    private const long FirstLiqPayId = 2_000_000_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Payment> _payments = new(StringComparer.Ordinal);
    private readonly List<string> _creationOrder = [];
    private readonly Dictionary<string, Charge> _charges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Refund> _refunds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _latestByOrder = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _sequence;
    private long _liqPayId = FirstLiqPayId;

    public PaymentLedger(RestoredState restored, TimeProvider time)
    {
        _time = time;
        if (restored.State?.Ledger is { } state)
        {
            foreach (var payment in state.Payments.OrderBy(p => p.Sequence))
            {
                Index(payment);
            }

            foreach (var charge in state.Charges)
            {
                _charges[charge.Id] = charge;
            }

            foreach (var refund in state.Refunds)
            {
                _refunds[refund.Id] = refund;
            }

            _sequence = state.LastSequence;
            _liqPayId = Math.Max(state.LastLiqPayId, FirstLiqPayId);
        }
    }

    public event Action? Changed;

    /// <summary>The order id a payment answers to where a provider needs one (LiqPay): metadata order_id, else its own id.</summary>
    public static string OrderIdOf(Payment payment) => payment.Metadata.GetValueOrDefault("order_id") ?? payment.Id;

    public (Payment Payment, PaymentEvent Event) Create(NewPayment request)
    {
        Payment payment;
        PaymentEvent created;
        lock (_gate)
        {
            var id = Ids.New("pi");
            var now = _time.GetUtcNow();
            payment = new Payment(
                id,
                ++_sequence,
                ++_liqPayId,
                request.Amount,
                request.Currency,
                request.PaymentMethod is null ? PaymentStatus.RequiresPaymentMethod : PaymentStatus.RequiresConfirmation,
                request.Metadata,
                request.Description,
                request.PaymentMethod,
                $"{id}_secret_{Ids.Random(25)}",
                now,
                LatestChargeId: null,
                LastError: null);
            Index(payment);
            created = new PaymentEvent(Ids.New("evt"), PaymentEventType.PaymentIntentCreated, now, payment, null, null);
        }

        Changed?.Invoke();
        return (payment, created);
    }

    /// <summary>Charges the payment method given (or attached): a test card decides success or decline.</summary>
    public ConfirmResult Confirm(string id, string? paymentMethod)
    {
        ConfirmResult result;
        lock (_gate)
        {
            result = ConfirmLocked(id, paymentMethod);
        }

        if (result is ConfirmResult.Succeeded or ConfirmResult.Declined)
        {
            Changed?.Invoke();
        }

        return result;
    }

    public RefundResult Refund(RefundRequest request)
    {
        RefundResult result;
        lock (_gate)
        {
            result = RefundLocked(request);
        }

        if (result is RefundResult.Refunded)
        {
            Changed?.Invoke();
        }

        return result;
    }

    public Payment? Find(string id)
    {
        lock (_gate)
        {
            return _payments.GetValueOrDefault(id);
        }
    }

    public Charge? FindCharge(string id)
    {
        lock (_gate)
        {
            return _charges.GetValueOrDefault(id);
        }
    }

    public Refund? FindRefund(string id)
    {
        lock (_gate)
        {
            return _refunds.GetValueOrDefault(id);
        }
    }

    /// <summary>The payment created last for an order (a retried checkout makes a new one), with its latest charge.</summary>
    public (Payment Payment, Charge? LatestCharge)? FindLatestForOrder(string orderId)
    {
        lock (_gate)
        {
            if (!_latestByOrder.TryGetValue(orderId, out var id))
            {
                return null;
            }

            var payment = _payments[id];
            return (payment, payment.LatestChargeId is { } chargeId ? _charges.GetValueOrDefault(chargeId) : null);
        }
    }

    /// <summary>A page newest first, or null when the cursor names no payment.</summary>
    public PaymentPage? List(PaymentQuery query)
    {
        lock (_gate)
        {
            var newestFirst = Enumerable.Range(0, _creationOrder.Count).Select(i => _payments[_creationOrder[^(i + 1)]]);
            var matching = newestFirst.Where(p => Matches(p, query));
            if (query.StartingAfter is { } after)
            {
                if (!_payments.TryGetValue(after, out var cursor))
                {
                    return null;
                }

                matching = matching.Where(p => p.Sequence < cursor.Sequence);
            }
            else if (query.EndingBefore is { } before)
            {
                if (!_payments.TryGetValue(before, out var cursor))
                {
                    return null;
                }

                // The page just before the cursor in list order: the newer ones closest to it, still shown newest first.
                var closest = matching.Where(p => p.Sequence > cursor.Sequence).Reverse().Take(query.Limit + 1).ToList();
                var hasMoreBefore = closest.Count > query.Limit;
                return new PaymentPage(closest.Take(query.Limit).Reverse().ToList(), hasMoreBefore);
            }

            var page = matching.Take(query.Limit + 1).ToList();
            return new PaymentPage(page.Take(query.Limit).ToList(), page.Count > query.Limit);
        }
    }

    public LedgerState Snapshot()
    {
        lock (_gate)
        {
            return new LedgerState(
                _creationOrder.Select(id => _payments[id]).ToList(),
                _charges.Values.ToList(),
                _refunds.Values.ToList(),
                _sequence,
                _liqPayId);
        }
    }

    private ConfirmResult ConfirmLocked(string id, string? paymentMethod)
    {
        if (!_payments.TryGetValue(id, out var payment))
        {
            return new ConfirmResult.NotFound();
        }

        if (payment.Status == PaymentStatus.Succeeded)
        {
            return new ConfirmResult.UnexpectedState(payment.Status);
        }

        if ((paymentMethod ?? payment.PaymentMethod) is not { } methodId)
        {
            return new ConfirmResult.MissingPaymentMethod();
        }

        if (TestPaymentMethods.Find(methodId) is not { } card)
        {
            return new ConfirmResult.UnknownPaymentMethod(methodId);
        }

        var now = _time.GetUtcNow();
        var chargeId = Ids.New("ch");
        var failure = card.DeclineCode is { } declineCode
            ? new PaymentError("card_declined", declineCode, card.DeclineMessage, methodId, chargeId)
            : null;
        var charge = new Charge(
            chargeId,
            payment.Id,
            payment.Amount,
            AmountRefunded: 0,
            payment.Currency,
            failure is null ? ChargeStatus.Succeeded : ChargeStatus.Failed,
            methodId,
            payment.Metadata,
            now,
            failure,
            RefundedAt: null);
        _charges[chargeId] = charge;

        // Stripe detaches a declined payment method, so the intent asks for a new one (requires_payment_method).
        var updated = payment with
        {
            Status = failure is null ? PaymentStatus.Succeeded : PaymentStatus.RequiresPaymentMethod,
            PaymentMethod = failure is null ? methodId : null,
            LatestChargeId = chargeId,
            LastError = failure,
        };
        _payments[id] = updated;
        var type = failure is null ? PaymentEventType.PaymentIntentSucceeded : PaymentEventType.PaymentIntentPaymentFailed;
        var @event = new PaymentEvent(Ids.New("evt"), type, now, updated, charge, null);
        return failure is null ? new ConfirmResult.Succeeded(updated, @event) : new ConfirmResult.Declined(updated, @event);
    }

    private RefundResult RefundLocked(RefundRequest request)
    {
        Charge? charge;
        if (request.ChargeId is { } chargeId)
        {
            if (!_charges.TryGetValue(chargeId, out charge))
            {
                return new RefundResult.NotFound("charge", chargeId, "charge");
            }
        }
        else
        {
            var paymentId = request.PaymentIntentId!;
            if (!_payments.TryGetValue(paymentId, out var payment))
            {
                return new RefundResult.NotFound("payment_intent", paymentId, "payment_intent");
            }

            charge = payment.LatestChargeId is { } latest ? _charges[latest] : null;
        }

        if (charge is not { Status: ChargeStatus.Succeeded })
        {
            return new RefundResult.NotRefundable(charge?.PaymentIntentId ?? request.PaymentIntentId!);
        }

        var refundable = charge.Amount - charge.AmountRefunded;
        if (refundable == 0)
        {
            return new RefundResult.AlreadyRefunded(charge.Id);
        }

        var amount = request.Amount ?? refundable;
        if (amount > refundable)
        {
            return new RefundResult.AmountTooLarge(amount, refundable);
        }

        var now = _time.GetUtcNow();
        var refund = new Refund(Ids.New("re"), charge.Id, charge.PaymentIntentId, amount, charge.Currency, request.Metadata, now);
        _refunds[refund.Id] = refund;
        var refunded = charge with { AmountRefunded = charge.AmountRefunded + amount, RefundedAt = now };
        _charges[charge.Id] = refunded;
        var owner = _payments[charge.PaymentIntentId];
        var @event = new PaymentEvent(Ids.New("evt"), PaymentEventType.ChargeRefunded, now, owner, refunded, refund);
        return new RefundResult.Refunded(refund, refunded, @event);
    }

    private void Index(Payment payment)
    {
        _payments[payment.Id] = payment;
        _creationOrder.Add(payment.Id);
        _latestByOrder[OrderIdOf(payment)] = payment.Id;
    }

    private static bool Matches(Payment payment, PaymentQuery query)
    {
        var created = payment.Created.ToUnixTimeSeconds();
        return (query.CreatedGte is not { } gte || created >= gte)
            && (query.CreatedGt is not { } gt || created > gt)
            && (query.CreatedLte is not { } lte || created <= lte)
            && (query.CreatedLt is not { } lt || created < lt);
    }
}
