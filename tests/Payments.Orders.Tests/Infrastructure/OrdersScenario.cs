using Npgsql;
using System.Net;
using System.Net.Http.Json;
using Payments.Orders.Ordering;
using Payments.Testing.Messaging;
using Payments.Testing.Services;

namespace Payments.Orders.Tests.Infrastructure;

/// <summary>A fresh database, a provider stub, the Orders app and a bus connection: what most tests start from.</summary>
public sealed class OrdersScenario : IAsyncDisposable
{
    private readonly List<OrdersApp> _apps = [];

    private OrdersScenario(Infrastructure infrastructure, StubProvider provider, string database, TestBus bus)
    {
        Infrastructure = infrastructure;
        Provider = provider;
        Database = database;
        Bus = bus;
    }

    public Infrastructure Infrastructure { get; }

    public StubProvider Provider { get; }

    public string Database { get; }

    public TestBus Bus { get; }

    public OrdersApp App => _apps[0];

    public HttpClient Client { get; private set; } = null!;

    public static async Task<OrdersScenario> CreateAsync(Infrastructure infrastructure, IReadOnlyDictionary<string, string?>? settings = null, bool start = true)
    {
        var scenario = new OrdersScenario(infrastructure, await StubProvider.StartAsync(),
            await infrastructure.Postgres.CreateDatabaseAsync("orders", TestContext.Current.CancellationToken), await TestBus.ConnectAsync(infrastructure.Broker));
        if (start)
        {
            scenario.Client = await scenario.StartAppAsync(settings);
        }

        return scenario;
    }

    /// <summary>Another instance of the service on the same database and queues (or the first one).</summary>
    public async Task<HttpClient> StartAppAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = new OrdersApp(Infrastructure.Broker.AmqpUri, Database, Provider.BaseUrl, settings);
        _apps.Add(app);
        var client = await app.StartAsync();
        Client ??= client;
        return client;
    }

    public async Task StopAppsAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        _apps.Clear();
        Client = null!;
    }

    public async Task<OrderResponse> CreateOrderAsync(long amountMinor = 4200, string currency = "EUR", string email = "customer@example.com")
    {
        var response = await Client.PostAsJsonAsync("/orders", new { amountMinor, currency, customerEmail = email }, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<OrderResponse>(TestContext.Current.CancellationToken))!;
    }

    /// <summary><paramref name="count"/> orders, the i-th of <paramref name="amountMinor"/>(i) EUR: their ids in order, and each one's payment id.</summary>
    public async Task<(List<Guid> Ids, Dictionary<Guid, string> Payments)> CreateOrdersAsync(int count, Func<int, long> amountMinor)
    {
        var ids = new List<Guid>();
        var payments = new Dictionary<Guid, string>();
        for (var i = 0; i < count; i++)
        {
            var order = await CreateOrderAsync(amountMinor(i), "EUR");
            ids.Add(order.Id);
            payments[order.Id] = order.Payment!.PaymentId;
        }

        return (ids, payments);
    }

    public async Task<OrderResponse> GetOrderAsync(Guid id) =>
        (await Client.GetFromJsonAsync<OrderResponse>($"/orders/{id}", TestContext.Current.CancellationToken))!;

    public async ValueTask DisposeAsync()
    {
        await StopAppsAsync();
        // Tests read this database through Npgsql's global pool (its connection string is the database's own): close
        // those idle connections now, or every finished test leaves some behind until the server refuses new clients.
        await using var pooled = new NpgsqlConnection(Database);
        NpgsqlConnection.ClearPool(pooled);
        await Bus.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
