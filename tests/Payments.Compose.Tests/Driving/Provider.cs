using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Payments.Compose.Tests.Compose;

namespace Payments.Compose.Tests.Driving;

/// <summary>
/// The provider simulator's controls, as scripts/run.sh uses them: where it delivers Stripe-signed webhooks (the
/// ingress container, by its compose service name) and how it misbehaves.
/// </summary>
public sealed partial class Provider(string simulatorUrl)
{
    /// <summary>docker-compose.yml gives the simulator this key (Simulator__ApiKeys__0).</summary>
    public const string ApiKey = "sk_test_sandbox_dev";

    /// <summary>Where the simulator's container reaches the ingress's container.</summary>
    private const string IngressWebhookUrl = "http://ingress:8080/webhooks/stripe";

    /// <summary>The Stripe secret the ingress container verifies with (its Development settings, which compose selects).</summary>
    public static string StripeSecret { get; } = ReadStripeSecret();

    /// <summary>The simulator's Development admin key (Simulator:AdminKeys), which every /sim control requires.</summary>
    public const string AdminKey = "sim_admin_sandbox_dev";

    public string Url => simulatorUrl;

    /// <summary>A client for the /sim controls, carrying the admin key.</summary>
    public static HttpClient ControlsClient(TimeSpan? timeout = null)
    {
        var http = new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminKey);
        return http;
    }

    public async Task DeliverToIngressAsync(CancellationToken cancellationToken)
    {
        using var http = ControlsClient();
        using var response = await http.PostAsJsonAsync($"{simulatorUrl}/sim/endpoints",
            new { scheme = "stripe", url = IngressWebhookUrl, secret = StripeSecret }, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task SetFaultsAsync(object faults, CancellationToken cancellationToken)
    {
        using var http = ControlsClient();
        using var response = await http.PutAsJsonAsync($"{simulatorUrl}/sim/faults", faults, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static string ReadStripeSecret()
    {
        var settings = File.ReadAllText(Path.Combine(Repository.Root, "services", "Payments.Ingress", "appsettings.Development.json"));
        return StripeDevelopmentSecret().Match(settings) is { Success: true } match
            ? match.Value
            : throw new InvalidOperationException("No whsec_dev_stripe secret in the ingress's appsettings.Development.json.");
    }

    [GeneratedRegex("whsec_dev_stripe[A-Za-z0-9_]*")]
    private static partial Regex StripeDevelopmentSecret();
}
