using Payments.Cli.Api;

namespace Payments.Cli.DeadLetters;

/// <summary>The API's dead-letter filter: the query of the list and the <c>filter</c> of a replay or discard.</summary>
public sealed record DeadLetterFilter(
    string? Queue,
    string? MessageType,
    string? Reason,
    string? OrderId,
    DateTimeOffset? From,
    DateTimeOffset? To)
{
    public bool IsEmpty =>
        Queue is null && MessageType is null && Reason is null && OrderId is null && From is null && To is null;

    public string ToQuery(int page, int pageSize) => new QueryString()
        .Add("queue", Queue)
        .Add("messageType", MessageType)
        .Add("reason", Reason)
        .Add("orderId", OrderId)
        .Add("from", From)
        .Add("to", To)
        .Add("page", page)
        .Add("pageSize", pageSize)
        .ToString();
}
