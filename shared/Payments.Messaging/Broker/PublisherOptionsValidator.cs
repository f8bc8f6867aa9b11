using Microsoft.Extensions.Options;

namespace Payments.Messaging.Broker;

/// <summary>
/// Start-up validation of <paramref name="sectionName"/>, naming each wrong key: a positive confirm timeout and channel
/// count, and each subscriber queue naming at least one message type, and only types this service publishes.
/// </summary>
internal sealed class PublisherOptionsValidator(string sectionName) : IValidateOptions<PublisherOptions>
{
    public ValidateOptionsResult Validate(string? name, PublisherOptions options)
    {
        var published = options.RequiredMessageTypes.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var failures = new List<string>();
        if (options.ConfirmTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{sectionName}:ConfirmTimeout must be positive.");
        }

        if (options.PublishChannels <= 0)
        {
            failures.Add($"{sectionName}:PublishChannels must be positive.");
        }

        foreach (var (queue, types) in options.Subscribers)
        {
            if (types.Count == 0)
            {
                failures.Add($"{sectionName}:Subscribers:{queue} must name at least one message type.");
            }

            failures.AddRange(types.Where(type => !published.Contains(type)).Select(type =>
                $"{sectionName}:Subscribers:{queue} names {type}, which this service does not publish " +
                $"({(published.Count == 0 ? "it publishes none" : string.Join(", ", published.Order(StringComparer.Ordinal)))})."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
