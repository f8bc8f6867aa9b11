using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Payments.ServiceDefaults.Security;
using Payments.Testing;
using Payments.Testing.Security;

namespace Payments.Notifications.Tests.Infrastructure;

/// <summary>The real Notifications service in-process, on its own database, against the collection's broker and a test's SMTP server.</summary>
public sealed class NotificationsApp(IReadOnlyDictionary<string, string?> settings, ILoggerProvider? logs = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in TestTokens.Settings.Concat(settings))
        {
            builder.UseSetting(key, value);
        }

        if (logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }
    }

    /// <summary>Starts the host and waits until it is ready (schema migrated, broker connected); the client is an operator.</summary>
    public async Task<HttpClient> StartAsync()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = TestTokens.Bearer(ApiAudiences.Notifications, Scopes.PaymentsOps);
        await Eventually.TrueAsync(
            async () => (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60), "Notifications to become ready", TestContext.Current.CancellationToken);
        return client;
    }
}
