using System.Diagnostics;
using Payments.Contracts;
using Payments.Notifications.Ledger;
using Payments.Notifications.Sending;
using Payments.Notifications.Templates;

namespace Payments.Bench.Notifications;

/// <summary>The ceiling: WORKERS mailers sending rendered emails as fast as the SMTP server takes them.</summary>
internal static class BareLoop
{
    /// <summary>
    /// Sends WARMUP emails over the connections first (JIT, tier-up, connections open), then times COUNT more over the
    /// same connections: the pipeline's timing likewise starts after its first WARMUP sends, in a running process.
    /// </summary>
    public static Task<int> RunAsync(string host, int port, int workers, int warmup, int count)
    {
        var options = new SmtpOptions { Host = host, Port = port, From = "Bench Shop <shop@bench.test>" };
        var warm = warmup;
        var left = count;
        using var warmed = new Barrier(workers + 1);
        using var go = new ManualResetEventSlim();
        // As the service does: one thread per connection, synchronous sends.
        var threads = Enumerable.Range(0, workers).Select(_ => new Thread(() =>
        {
            using var mailer = new SmtpMailer(options, TimeProvider.System);
            while (Interlocked.Decrement(ref warm) >= 0)
            {
                mailer.Send(Notification());
            }

            warmed.SignalAndWait();
            go.Wait();
            while (Interlocked.Decrement(ref left) >= 0)
            {
                mailer.Send(Notification());
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        warmed.SignalAndWait();

        // The loop's own CPU (the process's start-up and the warm-up are not the mailer's cost per email).
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        go.Set();
        threads.ForEach(t => t.Join());

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"{count} {seconds:F3} {count / seconds:F1} {cpu.TotalSeconds:F3}");
        return Task.FromResult(0);
    }

    private static PendingNotification Notification()
    {
        var paid = Pipeline.Event(Guid.NewGuid().ToString("N"));
        var content = PaidEmail.Render(paid);
        var id = NotificationIds.For(Guid.NewGuid(), NotificationKind.Paid);
        return new PendingNotification(id, paid.OrderId, NotificationKind.Paid, paid.CustomerEmail, NotificationIds.MessageId(id, "bench.test"),
            content.Subject, content.Text, content.Html, 0, Stopwatch.GetTimestamp());
    }
}
