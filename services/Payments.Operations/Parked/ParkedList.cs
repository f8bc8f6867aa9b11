namespace Payments.Operations.Parked;

/// <summary>Every service's parked items, newest first; services that could not be asked are named, not silently empty.</summary>
public sealed record ParkedList(IReadOnlyList<ParkedItem> Items, IReadOnlyList<UnavailableService> Unavailable);
