using System.CommandLine;

namespace Payments.Cli.DeadLetters;

/// <summary>The filter options shared by list, replay and discard (the API's query names in brackets).</summary>
public sealed class FilterOptions
{
    public Option<string?> Queue { get; } = new("--queue") { Description = "The error queue, e.g. orders-payment-events_error (queue)." };
    public Option<string?> Type { get; } = new("--type") { Description = "The message type, e.g. PaymentEventReceived (messageType)." };
    public Option<string?> Reason { get; } = new("--reason") { Description = "Text in the failure reason (reason)." };
    public Option<string?> Order { get; } = new("--order") { Description = "The order id (orderId)." };
    public Option<DateTimeOffset?> From { get; } = new("--from") { Description = "Failed at or after, ISO 8601 (from)." };
    public Option<DateTimeOffset?> To { get; } = new("--to") { Description = "Failed before, ISO 8601 (to)." };

    public IEnumerable<Option> All(bool withReason = true) =>
        withReason ? [Queue, Type, Reason, Order, From, To] : [Queue, Type, Order, From, To];

    public DeadLetterFilter Read(ParseResult parsed, bool withReason = true) => new(
        Blank(parsed.GetValue(Queue)),
        Blank(parsed.GetValue(Type)),
        withReason ? Blank(parsed.GetValue(Reason)) : null,
        Blank(parsed.GetValue(Order)),
        parsed.GetValue(From),
        parsed.GetValue(To));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
