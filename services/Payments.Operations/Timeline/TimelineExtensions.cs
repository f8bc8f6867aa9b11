using Microsoft.Extensions.Options;

namespace Payments.Operations.Timeline;

public static class TimelineExtensions
{
    public static WebApplicationBuilder AddTimeline(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TimelineOptions>().BindConfiguration(TimelineOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TimelineOptions>, TimelineOptionsValidator>();
        builder.Services.AddOptions<JaegerOptions>().BindConfiguration(JaegerOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<JaegerOptions>, JaegerOptionsValidator>();
        builder.Services.AddScoped<TimelineAssembly>();
        return builder;
    }
}
