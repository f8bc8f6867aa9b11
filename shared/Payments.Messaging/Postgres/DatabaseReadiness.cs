namespace Payments.Messaging.Postgres;

/// <summary>
/// Completed once the schema is migrated. Consumers and the relay wait on it, so a service can start while its
/// database is still away (its ready endpoint says so) and begin work the moment it arrives.
/// </summary>
public sealed class DatabaseReadiness
{
    private readonly TaskCompletionSource _migrated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsMigrated => _migrated.Task.IsCompleted;

    public Task WaitAsync(CancellationToken cancellationToken) => _migrated.Task.WaitAsync(cancellationToken);

    internal void MarkMigrated() => _migrated.TrySetResult();
}
