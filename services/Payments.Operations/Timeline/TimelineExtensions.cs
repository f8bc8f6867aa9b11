using Microsoft.Extensions.Options;

namespace Payments.Operations.Timeline;

public static class TimelineExtensions
{
    public static WebApplicationBuilder AddTimeline(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TimelineOptions>().BindConfiguration(TimelineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<JaegerOptions>().BindConfiguration(JaegerOptions.Section)
            .Validate(o => string.IsNullOrEmpty(o.BaseUrl) || (Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"),
                "Operations:Jaeger:BaseUrl, when set, must be an absolute http(s) URL.")
            .ValidateOnStart();
        builder.Services.AddScoped<TimelineAssembly>();
        return builder;
    }
}
