using System.CommandLine;
using Payments.Cli.Api;

namespace Payments.Cli;

/// <summary>Where the Operations service is and who is calling: on every command.</summary>
public sealed class GlobalOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5085";
    public const string UrlVariable = "PAYMENTS_OPERATIONS_URL";
    public const string TokenVariable = "PAYMENTS_OPS_TOKEN";

    public Option<string> Url { get; } = new("--url")
    {
        Description = $"The Operations service (env {UrlVariable}; default {DefaultUrl}).",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? url : DefaultUrl,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = $"A bearer token with scope payments:ops for payments-operations (env {TokenVariable}).",
        // Read from the environment only when used, never as a default: help would print it.
        Recursive = true,
    };

    public OperationsClient CreateClient(ParseResult parsed)
    {
        var url = parsed.GetValue(Url)!;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--url must be an absolute http(s) URL, got '{url}'.");
        }

        var token = parsed.GetValue(Token) ?? Environment.GetEnvironmentVariable(TokenVariable);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new UsageException($"No token: pass --token or set {TokenVariable} (source .run/dev.env).");
        }

        return new OperationsClient(baseUri, token.Trim());
    }
}
