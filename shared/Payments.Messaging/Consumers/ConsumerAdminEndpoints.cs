using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Payments.Messaging.Consumers;

/// <summary>
/// An operator endpoint of every consuming service: what its receive endpoints hold and how old the oldest is
/// (Operations' "now" shows it per queue). Protect it with RequireOperator() (the management listener).
/// </summary>
public static class ConsumerAdminEndpoints
{
    public static RouteHandlerBuilder MapConsumerAdmin(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/admin/messaging/endpoints", (InFlightDeliveries deliveries) => TypedResults.Ok(deliveries.Snapshot()))
            .WithName("GetReceiveEndpointDeliveries");
}
