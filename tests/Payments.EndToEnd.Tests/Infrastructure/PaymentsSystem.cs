using System.Net;
using System.Net.Http.Json;
using Payments.EndToEnd.Tests.Telemetry;
using Payments.ServiceDefaults.Security;
using Payments.Testing.Postgres;
using Payments.Testing.RabbitMq;
using Payments.Testing.Security;
using Payments.Testing.Services;
using Payments.Testing.Smtp;

namespace Payments.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The services as separate processes on a throwaway broker and database, each exporting traces, metrics and logs over
/// OTLP/HTTP to the receiver in this test process, as they would to Jaeger.
/// </summary>
public sealed class PaymentsSystem : IAsyncLifetime
{
    public const string StripeSecret = "whsec_end_to_end_5d3a";

    private readonly RabbitMqFixture _broker = new();
    private readonly PostgresFixture _postgres = new();
    private readonly SmtpFixture _smtp = new();
    private StubProvider? _provider;
    private HttpClient? _orders;
    private HttpClient? _ingress;

    public OtlpReceiver Telemetry { get; private set; } = null!;

    public ServiceProcess Ingress { get; } = new("Payments.Ingress");

    public ServiceProcess Orders { get; } = new("Payments.Orders");

    public ServiceProcess Notifications { get; } = new("Payments.Notifications");

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await Task.WhenAll(_broker.InitializeAsync().AsTask(), _postgres.InitializeAsync().AsTask(), _smtp.InitializeAsync().AsTask());
        Telemetry = await OtlpReceiver.StartAsync(cancellationToken);
        _provider = await StubProvider.StartAsync(cancellationToken);

        Exporting(Ingress)
            .With("ConnectionStrings:RabbitMq", _broker.AmqpUri)
            .With("Ingress:Sources:stripe:Scheme", "stripe")
            .With("Ingress:Sources:stripe:Secrets:0", StripeSecret)
            .With("Ingress:Broker:RequiredQueues:0", "orders-payment-events");
        Exporting(Orders)
            .With("ConnectionStrings:RabbitMq", _broker.AmqpUri)
            .With("ConnectionStrings:Postgres", await _postgres.CreateDatabaseAsync("orders", cancellationToken))
            .With("Provider:BaseUrl", _provider.BaseUrl)
            .With("Provider:ApiKey", "sk_test_end_to_end")
            .With("Messaging:Outbox:PollInterval", "00:00:00.200");
        Exporting(Notifications)
            .With("ConnectionStrings:RabbitMq", _broker.AmqpUri)
            .With("ConnectionStrings:Postgres", await _postgres.CreateDatabaseAsync("notifications", cancellationToken))
            .With("Smtp:Host", _smtp.Host)
            .With("Smtp:Port", _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Smtp:From", "Payments Shop <shop@payments.example>")
            .With("Notifications:OperationsEmail", "operations@payments.example")
            .With("Notifications:Delivery:PollInterval", "00:00:00.200");
        await Task.WhenAll(
            Ingress.StartAsync(cancellationToken: cancellationToken),
            Orders.StartAsync(cancellationToken: cancellationToken),
            Notifications.StartAsync(cancellationToken: cancellationToken));
        _ingress = new HttpClient { BaseAddress = new Uri(Ingress.BaseUrl) };
        _orders = new HttpClient { BaseAddress = new Uri(Orders.BaseUrl) };
        _orders.DefaultRequestHeaders.Authorization = TestTokens.Bearer(ApiAudiences.Orders, Scopes.OrdersWrite, Scopes.OrdersRead);
    }

    /// <summary>POST /orders; the order's payment intent is created at the stub provider before the answer.</summary>
    /// <summary>POST /orders; with <paramref name="traceparent"/>, in that trace (Orders continues a caller's trace).</summary>
    public async Task<(Guid OrderId, string PaymentId)> CreateOrderAsync(
        long amountMinor, string currency, string email, CancellationToken cancellationToken, string? traceparent = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders") { Content = JsonContent.Create(new { amountMinor, currency, customerEmail = email }) };
        if (traceparent is not null)
            request.Headers.TryAddWithoutValidation("traceparent", traceparent);
        using var response = await _orders!.SendAsync(request, cancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(cancellationToken));
        var order = (await response.Content.ReadFromJsonAsync<CreatedOrder>(cancellationToken))!;
        return (order.Id, order.Payment?.PaymentId ?? throw new InvalidOperationException("The order has no payment id: the stub provider was not called."));
    }

    public async Task<HttpResponseMessage> SendWebhookAsync(HttpRequestMessage webhook, CancellationToken cancellationToken)
    {
        using (webhook)
        {
            return await _ingress!.SendAsync(webhook, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _ingress?.Dispose();
        _orders?.Dispose();
        await Ingress.DisposeAsync();
        await Orders.DisposeAsync();
        await Notifications.DisposeAsync();
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        if (Telemetry is not null)
        {
            await Telemetry.DisposeAsync();
        }

        await _smtp.DisposeAsync();
        await _postgres.DisposeAsync();
        await _broker.DisposeAsync();
    }

    // Standard SDK variables (https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/),
    // with short export intervals so a test sees its telemetry within a second or two. MassTransit's record of each
    // consumed message (Debug) is switched on: a successful webhook otherwise writes no log line at all, and these are
    // the lines whose trace ids the tests check.
    private ServiceProcess Exporting(ServiceProcess service) => service
        .With("OTEL_EXPORTER_OTLP_ENDPOINT", Telemetry.Endpoint)
        .With("OTEL_BSP_SCHEDULE_DELAY", "200")
        .With("OTEL_BLRP_SCHEDULE_DELAY", "200")
        .With("OTEL_METRIC_EXPORT_INTERVAL", "1000")
        .With("Logging:LogLevel:MassTransit", "Debug");

    private sealed record CreatedOrder(Guid Id, CreatedOrderPayment? Payment);

    private sealed record CreatedOrderPayment(string PaymentId);
}
