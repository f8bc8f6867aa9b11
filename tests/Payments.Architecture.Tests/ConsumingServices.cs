extern alias notifications;
extern alias orders;
extern alias reconciliation;

using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Payments.Architecture.Tests;

/// <summary>
/// The services that consume messages, as their own AddXxx() registers them, with their appsettings.json and
/// placeholder connection strings: nothing is started or connected, only the registrations are read.
/// </summary>
internal static class ConsumingServices
{
    private static readonly Dictionary<string, (Assembly Assembly, Action<WebApplicationBuilder> Add)> All = new()
    {
        ["Payments.Orders"] = (typeof(orders::Payments.Orders.OrdersExtensions).Assembly, b => orders::Payments.Orders.OrdersExtensions.AddOrders(b)),
        ["Payments.Notifications"] = (typeof(notifications::Payments.Notifications.NotificationsExtensions).Assembly,
            b => notifications::Payments.Notifications.NotificationsExtensions.AddNotifications(b)),
        ["Payments.Reconciliation"] = (typeof(reconciliation::Payments.Reconciliation.ReconciliationExtensions).Assembly,
            b => reconciliation::Payments.Reconciliation.ReconciliationExtensions.AddReconciliation(b)),
    };

    public static IEnumerable<string> Names => All.Keys;

    public static Assembly AssemblyOf(string service) => All[service].Assembly;

    /// <param name="settings">Configuration on top of the service's own appsettings.json.</param>
    public static IServiceCollection RegistrationsOf(string service, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ApplicationName = service,
            ContentRootPath = Repository.PathOf("services", service),
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Database=unused",
            ["ConnectionStrings:RabbitMq"] = "amqp://unused:unused@127.0.0.1:5672/",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        All[service].Add(builder);
        return builder.Services;
    }
}
