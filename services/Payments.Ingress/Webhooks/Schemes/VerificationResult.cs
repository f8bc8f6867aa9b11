namespace Payments.Ingress.Webhooks.Schemes;

internal abstract record VerificationResult
{
    private VerificationResult() { }

    public sealed record Verified(VerifiedWebhook Webhook) : VerificationResult;

    /// <summary>Answered 401. <paramref name="Reason"/> is a short, secret-free code used in metrics and the problem detail.</summary>
    public sealed record Rejected(RejectionReason Reason) : VerificationResult;
}
