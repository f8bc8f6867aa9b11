using System.Text.Json.Serialization;
using Payments.Cli.Api;

namespace Payments.Cli.Parked;

/// <summary>One row of <c>GET /api/parked</c>: an outbox message or a notification a service stopped retrying.</summary>
public sealed record ParkedItem(
    string Service,
    [property: JsonConverter(typeof(IdConverter))] string Id,
    string? Kind,
    string? Reason,
    DateTimeOffset? ParkedAt,
    string? MessageType);

/// <summary><c>GET /api/parked</c>'s answer: the rows, and the services that could not be asked.</summary>
public sealed record ParkedList(IReadOnlyList<ParkedItem> Items, IReadOnlyList<UnavailableService>? Unavailable);

/// <summary>A service that did not answer: its status, or the error when there was no answer.</summary>
public sealed record UnavailableService(string Service, int? Status, string? Error);
