namespace Payments.ProviderSimulator.Stripe;

/// <summary>Turns an <see cref="InvalidRequestException"/> from any inner filter or handler into Stripe's error answer.</summary>
internal sealed class InvalidRequestFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (InvalidRequestException invalid)
        {
            return StripeErrors.Result(StatusCodes.Status400BadRequest, invalid.Error);
        }
    }
}
