using Microsoft.Extensions.Logging;
using Npgsql;

namespace Payments.Messaging.Inbox;

/// <summary>What a handler left to write when it returned: the deferred commands and whether any of them publishes.</summary>
internal interface IInboxWrites
{
    IReadOnlyList<NpgsqlBatchCommand> Deferred { get; }

    bool Published { get; }

    /// <summary>
    /// The transaction committed: runs the handler's <see cref="InboxContext{TMessage}.OnCommitted"/> actions, every one
    /// of them, and logs those that throw: with the writes committed there is nothing to roll back or retry.
    /// </summary>
    void Committed(ILogger logger);

    /// <summary>Sends the deferred writes (with the claim, if no query carried it); throws <see cref="DuplicateMessageException"/> if the claim fails.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
