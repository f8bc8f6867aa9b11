using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Payments.Reconciliation.Endpoints;
using Payments.Reconciliation.Housekeeping;
using Payments.Reconciliation.Providers;

namespace Payments.RegisterWebhook;

/// <summary>
/// Reads Reconciliation's configuration as the service does (its appsettings, then environment variables such as
/// Provider__ApiKey), refuses to register a second endpoint for a URL the provider already calls, creates the
/// endpoint and prints its signing secret: the provider shows it this once.
/// </summary>
internal static class Registration
{
    public static async Task<int> RunAsync(RegistrationRequest request, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var configuration = Read(request);
        var provider = configuration.GetSection("Provider").Get<ProviderOptions>() ?? new ProviderOptions();
        var reconciliation = configuration.GetSection("Reconciliation").Get<ReconciliationOptions>() ?? new ReconciliationOptions();
        var configured = reconciliation.Endpoints.GetValueOrDefault(request.Source) ?? new EndpointOptions();
        var url = request.Url ?? configured.Url;
        var events = request.Events.Count > 0 ? request.Events : configured.EventsOrDefault(provider.Name);

        var problems = new List<string>();
        if (!Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            problems.Add($"No URL: give --url or set Reconciliation:Endpoints:{request.Source}:Url.");
        }

        if (string.IsNullOrEmpty(provider.BaseUrl) || string.IsNullOrEmpty(provider.ApiKey))
        {
            problems.Add("Provider:BaseUrl and Provider:ApiKey are required (e.g. environment variables Provider__BaseUrl, Provider__ApiKey).");
        }

        if (events.Count == 0)
        {
            problems.Add($"Source {request.Source}'s provider has no event types to subscribe to (LiqPay: its callback URL travels with each payment).");
        }

        if (problems.Count > 0)
        {
            problems.ForEach(errors.WriteLine);
            return 2;
        }

        await output.WriteLineAsync($"Source {request.Source}: {url} at {provider.BaseUrl} for {string.Join(", ", events)}");
        if (request.DryRun)
        {
            return 0;
        }

        using var http = new HttpClient { BaseAddress = new Uri(provider.BaseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
        var endpoints = new StripeWebhookEndpoints(http, Options.Create(provider));
        try
        {
            if ((await endpoints.ListAsync(cancellationToken)).FirstOrDefault(e => e.Url == url) is { } existing)
            {
                // A second endpoint for the same URL would deliver every event twice, signed with another secret.
                await errors.WriteLineAsync($"The provider already calls {url} (endpoint {existing.Id}, {existing.Status}); delete or update it there first.");
                return 1;
            }

            var created = await endpoints.CreateAsync(request.Source, url!, events, cancellationToken);
            await output.WriteLineAsync($"Created endpoint {created.Id} ({created.Status}).");
            await output.WriteLineAsync(
                $"Signing secret, shown once: add it as the source's next secret (Ingress:Sources:{request.Source}:Secrets, see the README's rotation steps):");
            await output.WriteLineAsync(created.Secret ?? "(the provider returned no secret)");
            return 0;
        }
        catch (Exception ex) when (ex is HttpRequestException or ProviderUnavailableException or ProviderRejectedException or TaskCanceledException)
        {
            await errors.WriteLineAsync($"The provider at {provider.BaseUrl} could not be used: {ex.Message}");
            return 1;
        }
    }

    private static IConfiguration Read(RegistrationRequest request)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, $"appsettings.{request.Environment}.json"), optional: true);
        if (request.Settings is { } file)
        {
            builder.AddJsonFile(file.FullName, optional: false);
        }

        return builder.AddEnvironmentVariables().Build();
    }
}
