namespace Payments.Orders.PaymentEvents;

public enum DecisionOutcome
{
    /// <summary>The order moved.</summary>
    Applied,

    /// <summary>Recorded only: already in that state or further along (a late or repeated event never moves it back).</summary>
    Unchanged,

    /// <summary>Money reported does not match the order: moved to needs-attention.</summary>
    Mismatch,

    /// <summary>The event is not from the order's provider or not about the order's payment: moved to needs-attention.</summary>
    Foreign,
}
