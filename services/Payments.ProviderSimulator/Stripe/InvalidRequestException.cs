namespace Payments.ProviderSimulator.Stripe;

/// <summary>
/// A request parameter Stripe would refuse. Thrown while reading parameters, answered by <see cref="InvalidRequestFilter"/>;
/// like every validation failure it is never saved under an Idempotency-Key.
/// </summary>
internal sealed class InvalidRequestException(StripeError error) : Exception(error.Message)
{
    public StripeError Error { get; } = error;
}
