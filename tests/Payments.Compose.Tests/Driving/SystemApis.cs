using Payments.Compose.Tests.Compose;

namespace Payments.Compose.Tests.Driving;

/// <summary>The APIs of one compose project's containers, on the host ports it published.</summary>
public sealed class SystemApis(ComposeProject project)
{
    public string OrdersUrl { get; } = project.Url("orders");

    /// <summary>Notifications' management listener: what the tests read there (GET /notifications) is an operator endpoint.</summary>
    public string NotificationsUrl { get; } = project.ManagementUrl("notifications");

    public string IngressUrl { get; } = project.Url("ingress");

    public Provider Provider { get; } = new(project.Url("simulator"));

    public Mailpit Mailpit { get; } = new(project.MailpitUrl);

    public JaegerQuery Jaeger { get; } = new(project.JaegerUrl);
}
