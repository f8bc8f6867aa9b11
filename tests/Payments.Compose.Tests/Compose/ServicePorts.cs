namespace Payments.Compose.Tests.Compose;

/// <summary>
/// The host-port variables of docker-compose.yml: a test project sets every one to a free port, so it never collides
/// with a system a developer runs on the defaults (5080, 5672, ...), nor with another test project.
/// </summary>
public static class ServicePorts
{
    /// <summary>The services answering HTTP on their container port 8080, by compose service name.</summary>
    public static readonly IReadOnlyDictionary<string, string> Http = new Dictionary<string, string>
    {
        ["simulator"] = "PAYMENTS_SIMULATOR_PORT",
        ["ingress"] = "PAYMENTS_INGRESS_PORT",
        ["orders"] = "PAYMENTS_ORDERS_PORT",
        ["notifications"] = "PAYMENTS_NOTIFICATIONS_PORT",
        ["reconciliation"] = "PAYMENTS_RECONCILIATION_PORT",
        ["operations"] = "PAYMENTS_OPERATIONS_PORT",
    };

    /// <summary>The services' management listeners (Management__Urls: operator endpoints), by compose service name.</summary>
    public static readonly IReadOnlyDictionary<string, string> Management = new Dictionary<string, string>
    {
        ["ingress"] = "PAYMENTS_INGRESS_MANAGEMENT_PORT",
        ["orders"] = "PAYMENTS_ORDERS_MANAGEMENT_PORT",
        ["notifications"] = "PAYMENTS_NOTIFICATIONS_MANAGEMENT_PORT",
        ["reconciliation"] = "PAYMENTS_RECONCILIATION_MANAGEMENT_PORT",
    };

    public const string MailpitUi = "PAYMENTS_MAILPIT_UI_PORT";

    public const string JaegerUi = "PAYMENTS_JAEGER_UI_PORT";

    public static readonly IReadOnlyList<string> All =
    [
        .. Http.Values,
        .. Management.Values,
        "PAYMENTS_RABBITMQ_PORT",
        "PAYMENTS_RABBITMQ_UI_PORT",
        "PAYMENTS_POSTGRES_PORT",
        "PAYMENTS_MAILPIT_SMTP_PORT",
        MailpitUi,
        JaegerUi,
        "PAYMENTS_OTLP_PORT",
    ];
}
