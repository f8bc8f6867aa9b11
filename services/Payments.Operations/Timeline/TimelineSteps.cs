using System.Globalization;
using Payments.Operations.ServiceApis;

namespace Payments.Operations.Timeline;

/// <summary>Turns what each owning service recorded into steps, ordered by time (ties: the order they happened in a payment's life).</summary>
public static class TimelineSteps
{
    public static List<TimelineStep> From(OrderStory? orders, IReadOnlyList<OrderEmail>? emails, PaymentChecks? checks, JaegerOptions jaeger)
    {
        var steps = new List<TimelineStep>();
        TimelineStep Step(DateTimeOffset at, string kind, string service, string summary, string? traceId, object? id) =>
            new(at, kind, service, summary, traceId, jaeger.TraceUrl(traceId), id?.ToString());

        foreach (var e in orders?.Events ?? [])
        {
            if (e.Source != "reconciliation")
            {
                steps.Add(Step(e.ReceivedAt, "webhook", "orders",
                    $"{e.Kind} webhook from {e.Source} ({e.ProviderEventId}), {Count(e.Duplicates, "duplicate delivery", "duplicate deliveries")} absorbed: {e.Outcome}.",
                    e.TraceId, e.EventId));
            }
        }

        foreach (var t in orders?.Transitions ?? [])
        {
            var move = t.From is null ? $"Created as {t.To}" : $"{t.From} → {t.To}";
            var cause = t.Cause == "api" ? "through the API" : $"by {t.Cause} event {t.ProviderEventId}";
            steps.Add(Step(t.At, "transition", "orders", $"{move} {cause}: {t.Explanation}", t.TraceId, t.EventId));
        }

        foreach (var email in emails ?? [])
        {
            steps.Add(Step(email.SentAt ?? email.ParkedAt ?? email.CreatedAt, "email", "notifications",
                $"{email.Kind} email {email.State} after {Count(email.Attempts, "attempt", "attempts")}" + (email.LastError is { } error ? $" (last error: {error})." : "."),
                email.TraceId, email.Id));
        }

        foreach (var check in checks?.History ?? [])
        {
            var answer = check.Error is { } error ? $"could not ask: {error}" : $"the provider said {check.ProviderStatus ?? "nothing"}";
            steps.Add(Step(check.CheckedAt, "check", "reconciliation", $"Checked at {checks!.Provider}: {answer}.", check.TraceId, null));
        }

        // A Reconciliation that keeps no history (or checks from before it did): its summary, as one step.
        if (checks is { History: null or [], LastCheckedAt: { } lastChecked })
        {
            var answer = checks.LastError is { } error ? $"last failed: {error}" : $"the provider last said {checks.ProviderStatus ?? "nothing"}";
            steps.Add(Step(lastChecked, "check", "reconciliation", $"{Count(checks.Checks, "check", "checks")} at {checks.Provider}, {answer}.", null, null));
        }

        if (checks is { StuckAt: { } stuckAt })
        {
            steps.Add(Step(stuckAt, "check", "reconciliation",
                $"Gave up after {Count(checks.Checks, "check", "checks")} at {checks.Provider}: the payment is stuck, for an operator.", null, null));
        }

        foreach (var finding in checks?.Findings ?? [])
        {
            steps.Add(Step(finding.FoundAt, "finding", "reconciliation",
                $"Found {finding.Kind} at the provider for {finding.PaymentId} ({finding.AmountMinor} {finding.Currency} minor units), announced to Orders.",
                finding.TraceId, finding.EventId));
        }

        return [.. steps.OrderBy(s => s.At).ThenBy(s => Rank(s.Kind))];
    }

    private static int Rank(string kind) => kind switch
    {
        "check" => 0,
        "finding" => 1,
        "webhook" => 2,
        "transition" => 3,
        _ => 4,
    };

    private static string Count(int n, string one, string many) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);
}
