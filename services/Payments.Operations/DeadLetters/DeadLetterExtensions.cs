using Microsoft.Extensions.Options;

namespace Payments.Operations.DeadLetters;

public static class DeadLetterExtensions
{
    public static WebApplicationBuilder AddDeadLetters(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DeadLetterOptions>().BindConfiguration(DeadLetterOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeadLetterOptions>, DeadLetterOptionsValidator>();
        services.AddSingleton<DeadLetterStore>();
        services.AddSingleton<DeadLetterReplay>();
        services.AddHostedService<DeadLetterReader>();
        services.AddHostedService<DeadLetterCleanup>();
        return builder;
    }
}
