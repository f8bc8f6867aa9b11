using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Payments.Messaging.Diagnostics;
using Payments.Messaging.Inbox;
using Payments.Messaging.Schema;
using Payments.Orders.Tests.Infrastructure;

namespace Payments.Orders.Tests.Inbox;

/// <summary>
/// A handler's after-commit action (<see cref="InboxContext{TMessage}.OnCommitted"/>) that throws comes too late to undo
/// anything: the message is handled and stays so. Both ways a delivery commits, alone and in a group, must then log the
/// failure, run the handler's other actions, and report the delivery handled, not failed (a failed delivery would be
/// retried, find itself a duplicate, and never run its actions at all).
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class When_an_action_after_the_commit_throws(Infrastructure.Infrastructure infrastructure) : IAsyncLifetime
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
        using var meters = new MeterFactory();
        // One leader slot, held by a delivery that waits at a gate: the others queue behind it, then commit as one group.
        var groupCommit = new InboxGroupCommit(_dataSource, Options.Create(new InboxOptions { GroupCommit = { Leaders = 1 } }),
            new MessagingMetrics(meters), new LoggerAdapter<InboxGroupCommit>(_logger));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var leading = groupCommit.CommitAsync(new InboxWork<Probe>(new Probe(), Guid.NewGuid(), "probe", new Gated(gate.Task)), ct);
        var works = Enumerable.Range(0, 4).Select(_ => new InboxWork<Probe>(new Probe(), Guid.NewGuid(), "probe", _handler)).ToList();
        var queued = works.Select(w => groupCommit.CommitAsync(w, ct)).ToList();
        gate.SetResult();

        (await leading).ShouldBe(InboxOutcome.Handled);
        (await Task.WhenAll(queued)).ShouldAllBe(o => o == InboxOutcome.Handled);
        meters.LargestGroup.ShouldBe(works.Count); // the group path was taken, not only the alone one
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

    /// <summary>Counts warnings with the exception they carry.</summary>
    private sealed class WarningLogger : ILogger
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

    private sealed class LoggerAdapter<T>(ILogger inner) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, formatter);
    }

    /// <summary>The metrics' meters, and the largest group they recorded.</summary>
    private sealed class MeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];
        private readonly MeterListener _listener = new();
        private long _largestGroup;

        public MeterFactory()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (_meters.Contains(instrument.Meter) && instrument.Name == "payments.inbox.group_size")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, size, _, _) => InterlockedMax(ref _largestGroup, size));
            _listener.Start();
        }

        public long LargestGroup => Interlocked.Read(ref _largestGroup);

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            _listener.Dispose();
            _meters.ForEach(m => m.Dispose());
        }

        private static void InterlockedMax(ref long target, long value)
        {
            var seen = Interlocked.Read(ref target);
            while (value > seen && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
                seen = Interlocked.Read(ref target);
            }
        }
    }
}
