using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Payments.EndToEnd.Tests.Hosting;

/// <summary>
/// The payment provider as far as Orders needs it here: POST /v1/payment_intents answers a Stripe PaymentIntent id.
/// (The provider simulator would be one more process on two cores for no extra span in the webhook's trace.)
/// </summary>
public sealed class StubProvider : IAsyncDisposable
{
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public static async Task<StubProvider> StartAsync(CancellationToken cancellationToken)
    {
        var stub = new StubProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/payment_intents", () =>
            Results.Json(new { id = "pi_" + Guid.NewGuid().ToString("N")[..24], @object = "payment_intent", status = "requires_payment_method" }));
        await app.StartAsync(cancellationToken);
        stub._app = app;
        stub.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
