using Microsoft.Extensions.Options;

namespace Payments.Operations.ServiceApis;

/// <summary>Each owning service's BaseUrl is an absolute http(s) URL; the message names the key.</summary>
internal sealed class ServicesOptionsValidator : IValidateOptions<ServicesOptions>
{
    public ValidateOptionsResult Validate(string? name, ServicesOptions options)
    {
        var failures = new List<string>();
        Check(failures, nameof(ServicesOptions.Ingress), options.Ingress);
        Check(failures, nameof(ServicesOptions.Orders), options.Orders);
        Check(failures, nameof(ServicesOptions.Notifications), options.Notifications);
        Check(failures, nameof(ServicesOptions.Reconciliation), options.Reconciliation);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string service, ServiceOptions options)
    {
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            failures.Add($"{ServicesOptions.Section}:{service}:BaseUrl must be an absolute http(s) URL (got \"{options.BaseUrl}\").");
        }
    }
}
