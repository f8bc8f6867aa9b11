namespace Payments.Operations.Now;

/// <summary>One webhook source over the last <see cref="NowCollector.TrafficMinutes"/> minutes, as the ingress counted it.</summary>
public sealed record WebhookRate(string Source, double PerMinute, long Received, long Rejected);
