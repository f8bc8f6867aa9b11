using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Payments.ServiceDefaults.Security;
using Payments.Testing.Health;
using Payments.Testing.Hosting;
using Payments.Testing.Security;

namespace Payments.Notifications.Tests.Infrastructure;

/// <summary>The real Notifications service in-process, on its own database, against the collection's broker and a test's SMTP server.</summary>
public sealed class NotificationsApp(IReadOnlyDictionary<string, string?> settings, ILoggerProvider? logs = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSettings(TestTokens.Settings, settings);

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
        await Readiness.WaitUntilReadyAsync(client, "Notifications");
        return client;
    }
}
