using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Payments.Operations.ServiceApis;
using Payments.ServiceDefaults.Configuration;

namespace Payments.Operations.Now;

public static class NowExtensions
{
    public static WebApplicationBuilder AddNow(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BrokerOptions>().BindConfiguration(BrokerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BrokerOptions>, BrokerOptionsValidator>();
        var broker = builder.Configuration.GetRabbitMqAddress();
        services.AddHttpClient<ManagementApi>((sp, http) =>
        {
            http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<BrokerOptions>>().Value.ManagementUrl.TrimEnd('/') + "/");
            // The operations user's own credentials (ConnectionStrings:RabbitMq).
            var credentials = $"{broker.UserName}:{broker.Password}";
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }).AddOperatorCallResilience();
        services.AddScoped<NowCollector>();
        return builder;
    }
}
