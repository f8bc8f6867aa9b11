using Microsoft.Extensions.Options;
using Payments.Ingress.Webhooks.Schemes;
using Payments.Messaging.Broker;

namespace Payments.Ingress.Webhooks;

/// <summary>Validates the Ingress section at start-up (ValidateOnStart), so a bad secret stops the service before it takes traffic.</summary>
internal sealed class IngressOptionsValidator(IEnumerable<IWebhookScheme> schemes, IOptions<PublisherOptions> publisher) : IValidateOptions<IngressOptions>
{
    public ValidateOptionsResult Validate(string? name, IngressOptions options)
    {
        var errors = WebhookSources.Resolve(options, schemes);
        // A confirm we would wait for beyond the budget could never be answered 202 in time.
        var confirmTimeout = publisher.Value.ConfirmTimeout;
        if (confirmTimeout > options.ResponseBudget)
        {
            errors.Add($"Ingress:Broker:ConfirmTimeout ({confirmTimeout:c}) must not exceed Ingress:ResponseBudget ({options.ResponseBudget:c}): "
                       + "lower the confirm timeout or raise the budget.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
