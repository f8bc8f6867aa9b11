using Microsoft.Extensions.Options;
using Payments.OtlpReceiver.Traces;

namespace Payments.OtlpReceiver;

public static class ReceiverExtensions
{
    /// <summary>Options validated before anything listens, Kestrel on both ports, the trace store.</summary>
    public static ReceiverOptions AddReceiver(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ReceiverOptions.Section);
        var options = section.Get<ReceiverOptions>() ?? new ReceiverOptions();
        var errors = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), errors, validateAllProperties: true))
        {
            throw new OptionsValidationException(ReceiverOptions.Section, typeof(ReceiverOptions),
                errors.Select(e => $"{ReceiverOptions.Section}:{string.Join(",", e.MemberNames)}: {e.ErrorMessage}"));
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenAnyIP(options.OtlpPort);
            kestrel.ListenAnyIP(options.QueryPort);
        });
        builder.Services.AddSingleton(new TraceStore(options.MaxTraces));
        return options;
    }
}
