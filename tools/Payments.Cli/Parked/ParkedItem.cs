using System.Text.Json.Serialization;
using Payments.Cli.Api;

namespace Payments.Cli.Parked;

/// <summary>One row of <c>GET /api/parked</c>: an outbox message or a notification a service stopped retrying.</summary>
public sealed record ParkedItem(
    string Service,
    [property: JsonConverter(typeof(IdConverter))] string Id,
    string? Kind,
    string? Reason,
    DateTimeOffset? ParkedAt);

/// <summary><c>GET /api/parked</c>'s answer.</summary>
public sealed record ParkedList(IReadOnlyList<ParkedItem> Items, IReadOnlyList<string>? Unavailable);
