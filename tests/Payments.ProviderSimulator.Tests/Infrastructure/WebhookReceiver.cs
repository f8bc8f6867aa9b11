using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payments.Testing;

namespace Payments.ProviderSimulator.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on 127.0.0.1 and a port the OS picks, recording every POST. Each test uses its own path, and
/// can script the answers per path and per request number (e.g. 503 twice, then 200).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private readonly ConcurrentDictionary<string, Func<int, ReceiverReply>> _replies = new();
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private WebApplication? _app;

    public string BaseAddress { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/{**path}", (RequestDelegate)receiver.HandleAsync);
        await app.StartAsync();
        receiver._app = app;
        receiver.BaseAddress = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return receiver;
    }

    public string Url(string path) => $"{BaseAddress}/{path}";

    /// <summary>Answers requests to <paramref name="path"/> by their number (1 for the first).</summary>
    public void Reply(string path, Func<int, ReceiverReply> reply) => _replies[path] = reply;

    public IReadOnlyList<ReceivedRequest> Received(string path) => _received.Where(r => r.Path == path).ToList();

    public async Task<IReadOnlyList<ReceivedRequest>> WaitForAsync(string path, int count, string because) =>
        await Eventually.ValueAsync(
            () => Task.FromResult(Received(path)),
            requests => requests.Count >= count,
            TimeSpan.FromSeconds(15),
            because);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = (string)context.Request.RouteValues["path"]!;
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var number = _counts.AddOrUpdate(path, 1, (_, n) => n + 1);
        _received.Enqueue(new ReceivedRequest(path, headers, body.ToArray(), DateTimeOffset.UtcNow, number));

        var reply = _replies.TryGetValue(path, out var script) ? script(number) : ReceiverReply.Ok;
        if (reply.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        context.Response.StatusCode = reply.StatusCode;
    }
}
