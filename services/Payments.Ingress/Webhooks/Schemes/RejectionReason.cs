namespace Payments.Ingress.Webhooks.Schemes;

/// <summary>Why a webhook was not let in. Names are used as metric tag values (snake_case via ToTag()).</summary>
internal enum RejectionReason
{
    MissingSignature,
    MalformedSignature,
    SignatureMismatch,
    MissingTimestamp,
    StaleTimestamp,
    FutureTimestamp,
}
