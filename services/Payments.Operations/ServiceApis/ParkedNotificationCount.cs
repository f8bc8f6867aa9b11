namespace Payments.Operations.ServiceApis;

/// <summary>Notifications' `GET /notifications/parked/count`.</summary>
internal sealed record ParkedNotificationCount(long Parked);
