namespace Payments.OtlpReceiver;

public static class LocalPortFilter
{
    /// <summary>
    /// Serves the group's endpoints only on connections accepted on this port, and 404 on the others. Not RequireHost:
    /// that matches the Host header, which carries the port the client dialled, and behind a container's port mapping
    /// (127.0.0.1:26686 -> 16686) that is not the port we listen on.
    /// </summary>
    public static TBuilder OnLocalPort<TBuilder>(this TBuilder builder, int port) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.Connection.LocalPort == port ? await next(context) : TypedResults.NotFound());
}
