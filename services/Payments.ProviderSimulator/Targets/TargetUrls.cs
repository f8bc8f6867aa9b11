namespace Payments.ProviderSimulator.Targets;

internal static class TargetUrls
{
    /// <summary>Absolute http or https (Stripe test mode accepts plain http, and so does the sandbox).</summary>
    public static bool IsValid(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
