using Microsoft.Extensions.Options;
using Payments.Messaging.Broker;

namespace Payments.Ingress.Webhooks;

/// <summary>The ingress reports ready only once its consumers' queue exists: it must name one.</summary>
internal sealed class RequiredQueuesValidator : IValidateOptions<PublisherOptions>
{
    public ValidateOptionsResult Validate(string? name, PublisherOptions options) =>
        options.RequiredQueues.Count > 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Ingress:Broker:RequiredQueues must name at least one queue (the consumers' queue).");
}
