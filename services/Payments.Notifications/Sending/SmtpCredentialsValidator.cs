using Microsoft.Extensions.Options;

namespace Payments.Notifications.Sending;

/// <summary>
/// Credentials only over TLS: System.Net.Mail sends AUTH LOGIN/PLAIN, the password merely base64-encoded, so without
/// STARTTLS anyone on the path reads it. SmtpClient with EnableSsl (Smtp:UseTls) issues STARTTLS before AUTH and fails
/// when the server does not offer it, so UseTls is "TLS required", never "TLS if offered".
/// There is no opt-out, not even for a loopback catcher: a development catcher needs no credentials, and a flag that
/// allows clear-text passwords would one day be left on where it matters.
/// </summary>
internal sealed class SmtpCredentialsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        var hasCredentials = !string.IsNullOrEmpty(options.Username) || !string.IsNullOrEmpty(options.Password);
        return hasCredentials && !options.UseTls
            ? ValidateOptionsResult.Fail(
                "Smtp:Username/Smtp:Password are set but Smtp:UseTls is false: the credentials would be sent without TLS. " +
                "Set Smtp:UseTls to true (STARTTLS, required) or remove Smtp:Username and Smtp:Password.")
            : ValidateOptionsResult.Success;
    }
}
