namespace Payments.Reconciliation.Endpoints;

/// <summary>What a check found, as GET /reconciliation/endpoints and the metric's status tag say it.</summary>
public static class EndpointStatus
{
    public const string Ok = "ok";
    public const string Missing = "missing";
    public const string Disabled = "disabled";
    public const string EventsMissing = "events_missing";
    public const string UrlMismatch = "url_mismatch";
    public const string Unreachable = "unreachable";
    public const string NotCheckable = "not_checkable";
}
