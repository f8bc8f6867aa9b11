namespace Payments.Operations.ServiceApis;

/// <summary>Orders' `GET /admin/orders/lookup?q=`.</summary>
public sealed record OrderLookup(Guid OrderId, string MatchedBy);
