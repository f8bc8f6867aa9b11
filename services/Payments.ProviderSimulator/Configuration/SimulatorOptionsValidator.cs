using Microsoft.Extensions.Options;
using Payments.ProviderSimulator.Targets;

namespace Payments.ProviderSimulator.Configuration;

/// <summary>Validates the Simulator section at start-up (ValidateOnStart); every message names its key and never a secret.</summary>
internal sealed class SimulatorOptionsValidator(IHostEnvironment environment) : IValidateOptions<SimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        if (!environment.IsDevelopment() && !options.AllowOutsideDevelopment)
        {
            // Alone: the other messages would only tempt someone to fix them and deploy a sandbox by mistake.
            return ValidateOptionsResult.Fail(
                $"Refusing to start in the '{environment.EnvironmentName}' environment: the provider simulator is a sandbox for "
                + "Development. To run it elsewhere (tests, a demo), set Simulator:AllowOutsideDevelopment to true "
                + "(environment variable Simulator__AllowOutsideDevelopment) and give it Simulator:AdminKeys.");
        }

        var errors = new List<string>();
        if (options.AdminKeys.Count == 0)
        {
            errors.Add("Missing configuration: Simulator:AdminKeys must list at least one key for the /sim controls (environment variable Simulator__AdminKeys__0).");
        }

        for (var i = 0; i < options.AdminKeys.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.AdminKeys[i]))
            {
                errors.Add($"Invalid configuration: Simulator:AdminKeys:{i} is empty.");
            }
        }

        for (var i = 0; i < options.AllowedReceiverHosts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.AllowedReceiverHosts[i]))
            {
                errors.Add($"Invalid configuration: Simulator:AllowedReceiverHosts:{i} is empty.");
            }
        }

        if (options.ApiKeys.Count == 0)
        {
            errors.Add("Missing configuration: Simulator:ApiKeys must list at least one secret key (environment variable Simulator__ApiKeys__0).");
        }

        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.ApiKeys[i]))
            {
                errors.Add($"Invalid configuration: Simulator:ApiKeys:{i} is empty.");
            }
        }

        Require(errors, options.LiqPay.PublicKey, "Simulator:LiqPay:PublicKey");
        Require(errors, options.LiqPay.PrivateKey, "Simulator:LiqPay:PrivateKey");
        Require(errors, options.ApiVersion, "Simulator:ApiVersion");
        if (!(options.TimeScale > 0 && double.IsFinite(options.TimeScale)))
        {
            errors.Add("Invalid configuration: Simulator:TimeScale must be a number greater than 0 (1 is real time, 0.001 turns an hour into 3.6 s).");
        }

        ValidateDelivery(errors, options.Delivery);
        foreach (var (field, message) in options.Faults.Validate())
        {
            errors.Add($"Invalid configuration: Simulator:Faults:{field} {message}");
        }

        foreach (var (endpoint, settings) in options.Endpoints)
        {
            var key = $"Simulator:Endpoints:{endpoint}";
            if (!WebhookSchemes.IsKnown(settings.Scheme))
            {
                errors.Add($"Invalid configuration: {key}:Scheme must be one of {string.Join(", ", WebhookSchemes.All)}.");
            }
            else if (settings.Scheme != WebhookSchemes.LiqPay && string.IsNullOrEmpty(settings.Secret))
            {
                // A secret generated at each start could never match what the receiver was configured with.
                errors.Add($"Missing configuration: {key}:Secret (the secret the receiver verifies {settings.Scheme} signatures with).");
            }
            else if (TargetSecrets.Problem(settings.Scheme, settings.Secret) is { } problem)
            {
                errors.Add($"Invalid configuration: {key}:Secret {problem}");
            }

            if (!TargetUrls.IsValid(settings.Url))
            {
                errors.Add($"Invalid configuration: {key}:Url must be an absolute http:// or https:// URL.");
            }
            else if (ReceiverHosts.Problem(settings.Url, ReceiverHosts.Allowed(options)) is { } hostProblem)
            {
                errors.Add($"Invalid configuration: {key}:Url {hostProblem}");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Require(List<string> errors, string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"Missing configuration: {key} (environment variable {key.Replace(":", "__", StringComparison.Ordinal)}).");
        }
    }

    private static void ValidateDelivery(List<string> errors, DeliveryOptions delivery)
    {
        if (delivery.MaxConcurrency is < 1 or > 1024)
        {
            errors.Add("Invalid configuration: Simulator:Delivery:MaxConcurrency must be between 1 and 1024.");
        }

        if (delivery.Timeout <= TimeSpan.Zero)
        {
            errors.Add("Invalid configuration: Simulator:Delivery:Timeout must be positive.");
        }

        if (delivery.FirstRetryDelay <= TimeSpan.Zero)
        {
            errors.Add("Invalid configuration: Simulator:Delivery:FirstRetryDelay must be positive.");
        }

        if (delivery.MaxRetryDelay < delivery.FirstRetryDelay)
        {
            errors.Add("Invalid configuration: Simulator:Delivery:MaxRetryDelay must not be shorter than Simulator:Delivery:FirstRetryDelay.");
        }

        if (delivery.RetryWindow < TimeSpan.Zero)
        {
            errors.Add("Invalid configuration: Simulator:Delivery:RetryWindow must not be negative.");
        }

        if (delivery.LogCapacity < 1)
        {
            errors.Add("Invalid configuration: Simulator:Delivery:LogCapacity must be at least 1.");
        }
    }
}
