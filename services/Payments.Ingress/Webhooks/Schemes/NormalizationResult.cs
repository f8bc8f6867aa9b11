using Payments.Contracts;

namespace Payments.Ingress.Webhooks.Schemes;

internal abstract record NormalizationResult
{
    private NormalizationResult() { }

    /// <summary>Published, then answered 202.</summary>
    public sealed record Normalized(PaymentEventReceived Event) : NormalizationResult;

    /// <summary>A verified event of a type we do not handle: answered 200, counted, not published.</summary>
    public sealed record Ignored(string EventType) : NormalizationResult;

    /// <summary>
    /// Authentic and well-formed, but not something this source may report: answered 400 problem+json with
    /// <paramref name="Reason"/> (also the metric tag), not published.
    /// </summary>
    public sealed record Refused(string Reason, string Title, string Detail) : NormalizationResult;

    /// <summary>Answered 400 with a problem+json body listing <paramref name="Errors"/> (field path → messages).</summary>
    public sealed record Malformed(string Detail, IReadOnlyDictionary<string, string[]> Errors) : NormalizationResult;
}
