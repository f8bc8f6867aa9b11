using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MailKit.Net.Smtp;
using Payments.Notifications.Notifications;
using Payments.Notifications.Sending;
using Payments.Testing.Smtp;

namespace Payments.Notifications.Tests.Sending;

/// <summary>One mailer, one connection reused across sends, against a real SMTP server that refuses, disappears or stalls.</summary>
public sealed class When_the_mail_server_misbehaves : IAsyncLifetime
{
    private readonly SmtpFixture _smtp = new();

    public ValueTask InitializeAsync() => _smtp.InitializeAsync();

    public ValueTask DisposeAsync() => _smtp.DisposeAsync();

    [Fact]
    public async Task Should_fail_a_refused_send_as_temporary_and_send_the_next_one_once_the_server_accepts_again()
    {
        var ct = TestContext.Current.CancellationToken;
        using var mailer = new SmtpMailer(Options(_smtp.Port), TimeProvider.System);
        mailer.Send(Notification("first"));

        await _smtp.RefuseAsync(true, ct);
        var refused = Should.Throw<SmtpCommandException>(() => mailer.Send(Notification("refused")));
        var failure = SendFailure.From(refused);
        failure.Permanent.ShouldBeFalse();
        failure.Reason.ShouldContain("451");

        await _smtp.RefuseAsync(false, ct);
        mailer.Send(Notification("after"));

        (await _smtp.MessagesAsync(ct)).Select(m => m.Subject).ShouldBe(["first", "after"]);
    }

    [Fact]
    public async Task Should_fail_while_the_server_is_gone_and_reconnect_when_it_is_back()
    {
        var ct = TestContext.Current.CancellationToken;
        using var mailer = new SmtpMailer(Options(_smtp.Port), TimeProvider.System);
        mailer.Send(Notification("before"));

        await _smtp.StopAsync(ct);
        // The kept connection is dead: the first send finds out, the next one cannot connect.
        Should.Throw<Exception>(() => mailer.Send(Notification("lost")));
        SendFailure.From(Should.Throw<SocketException>(() => mailer.Send(Notification("refused")))).Reason.ShouldContain("Connection refused");

        await _smtp.StartAsync(ct);
        mailer.Send(Notification("after"));

        (await _smtp.MessagesAsync(ct)).Select(m => m.Subject).ShouldBe(["before", "after"]);
    }

    [Fact]
    public async Task Should_give_up_after_Smtp_Timeout_even_when_the_server_keeps_trickling()
    {
        var ct = TestContext.Current.CancellationToken;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var trickling = TrickleGreetingAsync(listener, stop.Token);
        var options = Options(((IPEndPoint)listener.LocalEndpoint).Port);
        options.Timeout = TimeSpan.FromSeconds(1);
        using var mailer = new SmtpMailer(options, TimeProvider.System);

        var started = Stopwatch.GetTimestamp();
        var sending = Task.Factory.StartNew(() => mailer.Send(Notification("stalled")), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        // Every line comes well within the per-read timeout; only the bound on the whole send ends it.
        var timedOut = await Should.ThrowAsync<TimeoutException>(sending.WaitAsync(TimeSpan.FromSeconds(15), ct));
        var elapsed = Stopwatch.GetElapsedTime(started);

        timedOut.Message.ShouldContain("Smtp:Timeout");
        elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        SendFailure.From(timedOut).Permanent.ShouldBeFalse();
        await stop.CancelAsync();
        await trickling;
    }

    private static SmtpOptions Options(int port) => new() { Host = "127.0.0.1", Port = port, From = "Payments Shop <shop@payments.test>", Timeout = TimeSpan.FromSeconds(5) };

    private static PendingNotification Notification(string subject)
    {
        var id = NotificationIds.For(Guid.NewGuid(), NotificationKind.Paid);
        return new PendingNotification(id, Guid.NewGuid(), NotificationKind.Paid, "customer@example.com", NotificationIds.MessageId(id, "payments.test"),
            subject, "Thank you.", "<html><body>Thank you.</body></html>", 0, Stopwatch.GetTimestamp());
    }

    // A multi-line greeting that never ends: "220-" continuation lines, one every 200 ms.
    private static async Task TrickleGreetingAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        try
        {
            using var client = await listener.AcceptTcpClientAsync(cancellationToken);
            var stream = client.GetStream();
            var line = Encoding.ASCII.GetBytes("220-still greeting\r\n");
            while (true)
            {
                await stream.WriteAsync(line, cancellationToken);
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // Stopped by the test, or the mailer hung up: both end the trickle.
        }
    }
}
