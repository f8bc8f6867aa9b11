using RabbitMQ.Client;

namespace Payments.Testing.Tests.Privileges;

/// <summary>
/// The services' broker users as infra/rabbitmq/definitions.sh declares them: each may declare, publish to and consume
/// the exchanges and queues its service does (declared here as the services declare them), and is refused the rest.
/// </summary>
public sealed class When_a_service_uses_its_broker_user(PrivilegedBroker broker) : IClassFixture<PrivilegedBroker>, IAsyncLifetime
{
    private const string PaymentEventReceived = "Payments.Contracts:PaymentEventReceived";
    private const string OrderPaid = "Payments.Contracts:OrderPaid";
    private const string OrdersQueue = "orders-payment-events";
    private const string NotificationsQueue = "notifications-order-events";
    private const string OrdersErrorQueue = "orders-payment-events_error";
    private const string ReconciliationQueue = "reconciliation-order-events";

    private static readonly Dictionary<string, object?> Quorum = new() { ["x-queue-type"] = "quorum" };
    private static readonly CreateChannelOptions Confirms = new(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);

    /// <summary>What the refusals need to exist, declared by the administrator.</summary>
    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await broker.ConnectAsAdministratorAsync(ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        foreach (var exchange in (string[])[PaymentEventReceived, OrderPaid, OrdersQueue, NotificationsQueue, ReconciliationQueue])
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, cancellationToken: ct);
        foreach (var queue in (string[])[OrdersQueue, NotificationsQueue, OrdersErrorQueue, ReconciliationQueue])
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: Quorum, cancellationToken: ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Should_refuse_the_ingress_publishing_OrderPaid()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var ingress = await broker.ConnectAsync("ingress", ct);

        var reason = await BrokerRefusal.CloseReasonAsync(ingress, (channel, token) => Publish(channel, OrderPaid, token), ct);

        reason.ShouldBeAccessRefused("the ingress publishing to the OrderPaid exchange");
    }

    [Fact]
    public async Task Should_refuse_the_ingress_consuming_the_queue_it_feeds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var ingress = await broker.ConnectAsync("ingress", ct);

        var reason = await BrokerRefusal.CloseReasonAsync(ingress, (channel, token) => Consume(channel, OrdersQueue, token), ct);

        reason.ShouldBeAccessRefused("the ingress consuming Orders' queue");
    }

    [Fact]
    public async Task Should_refuse_orders_consuming_the_notifications_queue()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var orders = await broker.ConnectAsync("orders", ct);

        var consume = await BrokerRefusal.CloseReasonAsync(orders, (channel, token) => Consume(channel, NotificationsQueue, token), ct);
        var get = await BrokerRefusal.CloseReasonAsync(orders, (channel, token) => channel.BasicGetAsync(NotificationsQueue, autoAck: true, token), ct);

        consume.ShouldBeAccessRefused("Orders consuming Notifications' queue");
        get.ShouldBeAccessRefused("Orders getting from Notifications' queue");
    }

    [Fact]
    public async Task Should_refuse_notifications_publishing_PaymentEventReceived()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var notifications = await broker.ConnectAsync("notifications", ct);

        var toExchange = await BrokerRefusal.CloseReasonAsync(notifications, (channel, token) => Publish(channel, PaymentEventReceived, token), ct);
        var toQueue = await BrokerRefusal.CloseReasonAsync(notifications, (channel, token) => Publish(channel, OrdersQueue, token), ct);

        toExchange.ShouldBeAccessRefused("Notifications publishing PaymentEventReceived");
        toQueue.ShouldBeAccessRefused("Notifications publishing into Orders' queue");
    }

    [Fact]
    public async Task Should_refuse_reconciliation_binding_its_queue_to_an_event_that_carries_the_customers_address()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var reconciliation = await broker.ConnectAsync("reconciliation", ct);

        var queue = await BrokerRefusal.CloseReasonAsync(reconciliation,
            (channel, token) => channel.QueueBindAsync(ReconciliationQueue, OrderPaid, routingKey: "", cancellationToken: token), ct);
        var exchange = await BrokerRefusal.CloseReasonAsync(reconciliation,
            (channel, token) => channel.ExchangeBindAsync(ReconciliationQueue, OrderPaid, routingKey: "", cancellationToken: token), ct);

        queue.ShouldBeAccessRefused("Reconciliation binding its queue to OrderPaid");
        exchange.ShouldBeAccessRefused("Reconciliation binding its endpoint's exchange to OrderPaid");
    }

    [Fact]
    public async Task Should_let_each_service_declare_publish_and_consume_what_it_does()
    {
        var ct = TestContext.Current.CancellationToken;
        const string queue = NotificationsQueue;
        await using var admin = await broker.ConnectAsAdministratorAsync(ct);
        await using (var purge = await admin.CreateChannelAsync(cancellationToken: ct))
        {
            await purge.QueuePurgeAsync(OrdersQueue, ct);
            await purge.QueuePurgeAsync(queue, ct);
        }

        // The ingress declares Orders' queue bound to PaymentEventReceived, and publishes with confirms.
        await using (var ingress = await broker.ConnectAsync("ingress", ct))
        await using (var channel = await ingress.CreateChannelAsync(Confirms, ct))
        {
            await DeclareOthersQueueAsync(channel, OrdersQueue, PaymentEventReceived, ct);
            await Publish(channel, PaymentEventReceived, ct);
        }

        // Orders consumes its queue, declares its subscriber's queue the same way, and publishes OrderPaid.
        await using (var orders = await broker.ConnectAsync("orders", ct))
        await using (var channel = await orders.CreateChannelAsync(Confirms, ct))
        {
            (await channel.BasicGetAsync(OrdersQueue, autoAck: true, ct)).ShouldNotBeNull("Orders takes the payment event");
            await DeclareOthersQueueAsync(channel, queue, OrderPaid, ct);
            await Publish(channel, OrderPaid, ct);
        }

        // Notifications declares its endpoint as MassTransit does (queue bound to its own exchange, the type's bound
        // to that): the queue now has two routes from OrderPaid and must still take each event once.
        await using var notifications = await broker.ConnectAsync("notifications", ct);
        await using (var channel = await notifications.CreateChannelAsync(cancellationToken: ct))
        {
            await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, cancellationToken: ct);
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: Quorum, cancellationToken: ct);
            await channel.QueueBindAsync(queue, queue, routingKey: "", cancellationToken: ct);
            await channel.ExchangeDeclareAsync(OrderPaid, ExchangeType.Fanout, durable: true, cancellationToken: ct);
            await channel.ExchangeBindAsync(queue, OrderPaid, routingKey: "", cancellationToken: ct);
        }

        await using (var orders = await broker.ConnectAsync("orders", ct))
        await using (var channel = await orders.CreateChannelAsync(Confirms, ct))
            await Publish(channel, OrderPaid, ct);

        await using (var channel = await notifications.CreateChannelAsync(cancellationToken: ct))
        {
            (await channel.MessageCountAsync(queue, ct)).ShouldBe(2u, "two OrderPaid events, each once, whatever the routes");
            (await channel.BasicGetAsync(queue, autoAck: true, ct)).ShouldNotBeNull("Notifications takes its queue's events");
        }
    }

    [Fact]
    public async Task Should_refuse_operations_consuming_a_consumers_queue_or_publishing_an_event()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var operations = await broker.ConnectAsync("operations", ct);

        var consume = await BrokerRefusal.CloseReasonAsync(operations, (channel, token) => Consume(channel, OrdersQueue, token), ct);
        var publish = await BrokerRefusal.CloseReasonAsync(operations, (channel, token) => Publish(channel, PaymentEventReceived, token), ct);
        var declare = await BrokerRefusal.CloseReasonAsync(operations,
            (channel, token) => channel.QueueDeclareAsync("operations-own", durable: true, exclusive: false, autoDelete: false, cancellationToken: token), ct);

        consume.ShouldBeAccessRefused("Operations consuming Orders' queue");
        publish.ShouldBeAccessRefused("Operations publishing PaymentEventReceived");
        declare.ShouldBeAccessRefused("Operations declaring a queue of its own");
    }

    [Fact]
    public async Task Should_let_operations_take_a_dead_letter_and_replay_it_to_its_queue()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var admin = await broker.ConnectAsAdministratorAsync(ct);
        await using (var setup = await admin.CreateChannelAsync(cancellationToken: ct))
        {
            await setup.QueuePurgeAsync(OrdersQueue, ct);
            await setup.QueueBindAsync(OrdersQueue, OrdersQueue, routingKey: "", cancellationToken: ct);
            await setup.BasicPublishAsync("", OrdersErrorQueue, mandatory: false, new BasicProperties { Persistent = true }, "{}"u8.ToArray(), ct);
        }

        // As Operations' DeadLetterReader and DeadLetterReplay do: passive declare, manual ack, confirmed publish.
        await using var operations = await broker.ConnectAsync("operations", ct);
        await using (var channel = await operations.CreateChannelAsync(Confirms, ct))
        {
            await channel.QueueDeclarePassiveAsync(OrdersErrorQueue, ct);
            var letter = (await channel.BasicGetAsync(OrdersErrorQueue, autoAck: false, ct)).ShouldNotBeNull("Operations reads the error queue");
            await channel.BasicPublishAsync(OrdersQueue, routingKey: "", mandatory: true, new BasicProperties { Persistent = true }, letter.Body, ct);
            await channel.BasicAckAsync(letter.DeliveryTag, multiple: false, ct);
        }

        await using (var channel = await admin.CreateChannelAsync(cancellationToken: ct))
            (await channel.MessageCountAsync(OrdersQueue, ct)).ShouldBe(1u, "replayed into Orders' queue");
    }

    /// <summary>As Payments.Messaging's BrokerConnection declares another service's receive endpoint.</summary>
    private static async Task DeclareOthersQueueAsync(IChannel channel, string queue, string type, CancellationToken ct)
    {
        await channel.ExchangeDeclareAsync(type, ExchangeType.Fanout, durable: true, cancellationToken: ct);
        await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, cancellationToken: ct);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: Quorum, cancellationToken: ct);
        await channel.ExchangeBindAsync(queue, type, routingKey: "", cancellationToken: ct);
        await channel.QueueBindAsync(queue, type, routingKey: "", cancellationToken: ct);
    }

    private static async Task Publish(IChannel channel, string exchange, CancellationToken ct) =>
        await channel.BasicPublishAsync(exchange, routingKey: "", mandatory: false, new BasicProperties { Persistent = true }, "{}"u8.ToArray(), ct);

    private static async Task Consume(IChannel channel, string queue, CancellationToken ct) =>
        await channel.BasicConsumeAsync(queue, autoAck: false, new RabbitMQ.Client.Events.AsyncEventingBasicConsumer(channel), ct);
}
