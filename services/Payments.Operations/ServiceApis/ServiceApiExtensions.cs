using Microsoft.Extensions.Options;

namespace Payments.Operations.ServiceApis;

public static class ServiceApiExtensions
{
    /// <summary>Typed clients for the owning services' operator endpoints, each forwarding the operator's token.</summary>
    public static WebApplicationBuilder AddServiceApis(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ServicesOptions>().BindConfiguration(ServicesOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServicesOptions>, ServicesOptionsValidator>();
        services.AddHttpContextAccessor();
        services.AddTransient<ForwardOperatorToken>();

        services.AddHttpClient<IngressApi>((sp, http) => Configure(http, sp.GetRequiredService<IOptions<ServicesOptions>>().Value.Ingress))
            .AddHttpMessageHandler<ForwardOperatorToken>().AddOperatorCallResilience();
        services.AddHttpClient<OrdersApi>((sp, http) => Configure(http, sp.GetRequiredService<IOptions<ServicesOptions>>().Value.Orders))
            .AddHttpMessageHandler<ForwardOperatorToken>().AddOperatorCallResilience();
        services.AddHttpClient<NotificationsApi>((sp, http) => Configure(http, sp.GetRequiredService<IOptions<ServicesOptions>>().Value.Notifications))
            .AddHttpMessageHandler<ForwardOperatorToken>().AddOperatorCallResilience();
        services.AddHttpClient<ReconciliationApi>((sp, http) => Configure(http, sp.GetRequiredService<IOptions<ServicesOptions>>().Value.Reconciliation))
            .AddHttpMessageHandler<ForwardOperatorToken>().AddOperatorCallResilience();
        return builder;
    }

    private static void Configure(HttpClient http, ServiceOptions service) =>
        http.BaseAddress = new Uri(service.BaseUrl.TrimEnd('/') + "/");
}
