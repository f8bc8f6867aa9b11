using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Payments.Testing.Services;

/// <summary>
/// A real HTTP server on loopback answering Stripe's POST /v1/payment_intents with Idempotency-Key semantics,
/// which can be told to fail for a while. (The provider simulator covers the whole API; Orders needs only this, and
/// tests that are not about the provider save a process on two cores.)
/// </summary>
public sealed class StubProvider : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, string> _byIdempotencyKey = new();
    private WebApplication? _app;
    private int _failuresLeft;
    private int _calls;

    public string BaseUrl { get; private set; } = "";

    public int Calls => _calls;

    public int IntentsCreated => _byIdempotencyKey.Count;

    /// <summary>The next <paramref name="count"/> calls answer 503.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    public static async Task<StubProvider> StartAsync(CancellationToken cancellationToken = default)
    {
        var stub = new StubProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/payment_intents", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref stub._calls);
            if (Interlocked.Decrement(ref stub._failuresLeft) >= 0)
            {
                return Results.Json(new { error = new { type = "api_error", message = "Injected outage." } }, statusCode: 503);
            }

            var form = await request.ReadFormAsync();
            var key = request.Headers["Idempotency-Key"].ToString();
            var id = stub._byIdempotencyKey.GetOrAdd(key.Length > 0 ? key : Guid.NewGuid().ToString(), _ => "pi_" + Guid.NewGuid().ToString("N")[..24]);
            return Results.Json(new { id, @object = "payment_intent", amount = long.Parse(form["amount"]!), currency = form["currency"].ToString(), status = "requires_payment_method" });
        });
        await app.StartAsync(cancellationToken);
        stub._app = app;
        stub.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
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
