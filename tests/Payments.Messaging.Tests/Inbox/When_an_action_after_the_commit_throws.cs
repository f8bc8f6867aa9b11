using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Payments.Messaging.Diagnostics;
using Payments.Messaging.Inbox;
using Payments.Messaging.Schema;
using Payments.Messaging.Tests.Infrastructure;
using Payments.Testing.Messaging;
using Payments.Testing;

namespace Payments.Messaging.Tests.Inbox;

/// <summary>
/// A handler's after-commit action (<see cref="InboxContext{TMessage}.OnCommitted"/>) that throws comes too late to undo
/// anything: the message is handled and stays so. Both ways a delivery commits, alone and in a group, must then log the
/// failure, run the handler's other actions, and report the delivery handled, not failed (a failed delivery would be
/// retried, find itself a duplicate, and never run its actions at all).
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class When_an_action_after_the_commit_throws(MessagingServers infrastructure) : IAsyncLifetime
{
    private NpgsqlDataSource _dataSource = null!;
    private readonly Handler _handler = new();
    private readonly WarningLogger _logger = new();

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _dataSource = NpgsqlDataSource.Create(await infrastructure.Postgres.CreateDatabaseAsync("inbox", ct));
        await new SchemaMigrator(_dataSource, [SchemaScripts.From(typeof(InboxGroupCommit).Assembly)], NullLogger<SchemaMigrator>.Instance).MigrateAsync(ct);
    }

    public async ValueTask DisposeAsync() => await _dataSource.DisposeAsync();

    [Fact]
    public async Task Should_stay_handled_when_committed_alone()
    {
        var work = new InboxWork<Probe>(new Probe(), Guid.NewGuid(), "probe", _handler);

        var outcome = await work.RunAloneAsync(_dataSource, _logger, TestContext.Current.CancellationToken);

        outcome.ShouldBe(InboxOutcome.Handled);
        _handler.ActionsRunAfterTheThrow.ShouldBe([work.MessageId]);
        _logger.Warnings.ShouldBe(1);
        (await InboxCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Should_stay_handled_when_committed_in_a_group()
    {
        var ct = TestContext.Current.CancellationToken;
        using var metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var groups = new MetricTotals("payments.inbox.group_size");
        // One leader slot, held by a delivery that waits at a gate: the others queue behind it, then commit as one group.
        var groupCommit = new InboxGroupCommit(_dataSource, Options.Create(new InboxOptions { GroupCommit = { Leaders = 1 } }),
            new MessagingMetrics(metrics.GetRequiredService<IMeterFactory>()), _logger);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var leading = groupCommit.CommitAsync(new InboxWork<Probe>(new Probe(), Guid.NewGuid(), "probe", new Gated(gate.Task)), ct);
        var works = Enumerable.Range(0, 4).Select(_ => new InboxWork<Probe>(new Probe(), Guid.NewGuid(), "probe", _handler)).ToList();
        var queued = works.Select(w => groupCommit.CommitAsync(w, ct)).ToList();
        gate.SetResult();

        (await leading).ShouldBe(InboxOutcome.Handled);
        (await Task.WhenAll(queued)).ShouldAllBe(o => o == InboxOutcome.Handled);
        // Two transactions: the gated delivery alone, then the four together (the group path, not only the alone one).
        groups.Count("payments.inbox.group_size").ShouldBe(2);
        groups["payments.inbox.group_size"].ShouldBe(1 + works.Count);
        _handler.ActionsRunAfterTheThrow.ShouldBe(works.Select(w => w.MessageId), ignoreOrder: true);
        _logger.Warnings.ShouldBe(works.Count);
        (await InboxCountAsync()).ShouldBe(works.Count + 1);
    }

    private async Task<long> InboxCountAsync()
    {
        await using var count = _dataSource.CreateCommand("SELECT count(*) FROM messaging.inbox WHERE consumer = 'probe'");
        return (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    public sealed record Probe;

    /// <summary>Registers an action that throws, then one that records that it ran.</summary>
    private sealed class Handler : IInboxHandler<Probe>
    {
        public ConcurrentBag<Guid> ActionsRunAfterTheThrow { get; } = [];

        public async Task HandleAsync(InboxContext<Probe> context, CancellationToken cancellationToken)
        {
            // A query, as real handlers make: it carries the claim alone and rides the group's batch in a group.
            var rows = await context.QueryAsync(new NpgsqlBatchCommand("SELECT pg_backend_pid()"), r => r.GetInt32(0), cancellationToken);
            rows.Count.ShouldBe(1);
            context.OnCommitted(() => throw new InvalidOperationException("after the commit"));
            context.OnCommitted(() => ActionsRunAfterTheThrow.Add(context.MessageId));
        }
    }

    /// <summary>Holds its leader's slot until the gate opens.</summary>
    private sealed class Gated(Task gate) : IInboxHandler<Probe>
    {
        public async Task HandleAsync(InboxContext<Probe> context, CancellationToken cancellationToken) => await gate.WaitAsync(cancellationToken);
    }

    /// <summary>Counts warnings with the exception they carry (an <see cref="ILogger{T}"/> so the group commit takes it too).</summary>
    private sealed class WarningLogger : ILogger<InboxGroupCommit>
    {
        private int _warnings;

        public int Warnings => _warnings;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning && exception is InvalidOperationException { Message: "after the commit" })
            {
                Interlocked.Increment(ref _warnings);
            }
        }
    }
}
