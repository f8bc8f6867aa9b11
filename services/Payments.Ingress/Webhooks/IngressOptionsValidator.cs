using Microsoft.Extensions.Options;
using Payments.Ingress.Webhooks.Schemes;

namespace Payments.Ingress.Webhooks;

/// <summary>Validates the Ingress section at start-up (ValidateOnStart), so a bad secret stops the service before it takes traffic.</summary>
internal sealed class IngressOptionsValidator(IEnumerable<IWebhookScheme> schemes) : IValidateOptions<IngressOptions>
{
    public ValidateOptionsResult Validate(string? name, IngressOptions options)
    {
        var errors = WebhookSources.Resolve(options, schemes);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
