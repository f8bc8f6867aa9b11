namespace Payments.Notifications.Ledger;

/// <summary>GET /notifications/parked/count: every parked notification, not a page of them.</summary>
public sealed record ParkedCount(long Parked);
