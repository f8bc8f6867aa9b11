using Payments.Ingress.Webhooks.Schemes;

namespace Payments.Ingress.Webhooks;

internal static class RejectionReasonExtensions
{
    /// <summary>The metric tag and problem "reason" value.</summary>
    public static string ToTag(this RejectionReason reason) => reason switch
    {
        RejectionReason.MissingSignature => "missing_signature",
        RejectionReason.MalformedSignature => "malformed_signature",
        RejectionReason.SignatureMismatch => "signature_mismatch",
        RejectionReason.MissingTimestamp => "missing_timestamp",
        RejectionReason.StaleTimestamp => "stale_timestamp",
        RejectionReason.FutureTimestamp => "future_timestamp",
        _ => "unverified",
    };

    /// <summary>What the sender should check. Says which rule failed, never what we expected.</summary>
    public static string Describe(this RejectionReason reason) => reason switch
    {
        RejectionReason.MissingSignature => "The signature header (or field) is missing.",
        RejectionReason.MalformedSignature => "The signature header (or field) could not be parsed.",
        RejectionReason.SignatureMismatch => "No configured secret produces this signature over the raw body.",
        RejectionReason.MissingTimestamp => "The signed timestamp is missing.",
        RejectionReason.StaleTimestamp => "The signed timestamp is older than the allowed tolerance (possible replay).",
        RejectionReason.FutureTimestamp => "The signed timestamp is too far in the future.",
        _ => "The webhook could not be verified.",
    };
}
