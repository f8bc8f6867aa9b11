using Payments.Testing.RabbitMq;
using Payments.Testing.Services;
using Payments.Testing.Smtp;

namespace Payments.Testing.Load;

/// <summary>Faults of a service process, the single broker node and the SMTP server, as steps of a chaos schedule.</summary>
public static class ServiceFaults
{
    public static ChaosStep KillAndRestart(string name, ServiceProcess service, CancellationToken ct) =>
        new($"kill -9 {name}, restart", async () =>
        {
            await service.KillAsync();
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            await service.StartAsync(cancellationToken: ct);
            return "restarted";
        });

    public static ChaosStep RestartBroker(RabbitMqFixture broker, CancellationToken ct) =>
        new("stop RabbitMQ, start it again 3 s later", async () =>
        {
            await broker.StopAsync(ct);
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            await broker.StartAsync(ct);
            return "started";
        });

    /// <summary>docker kill of the node: quorum queues keep only what they had fsynced, which is what they confirmed.</summary>
    public static ChaosStep KillBroker(RabbitMqFixture broker, CancellationToken ct) =>
        new("kill -9 RabbitMQ, start it again 3 s later", async () =>
        {
            await broker.KillAsync(ct);
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            await broker.StartAsync(ct);
            return "started";
        });

    /// <summary>The server answers 451 to every recipient (a temporary failure) for <paramref name="duration"/>, then accepts again.</summary>
    public static ChaosStep RefuseMail(SmtpFixture smtp, TimeSpan duration, CancellationToken ct) =>
        new($"SMTP refuses every recipient (451) for {duration.TotalSeconds:0} s", async () =>
        {
            await smtp.RefuseAsync(true, ct);
            await Task.Delay(duration, ct);
            await smtp.RefuseAsync(false, ct);
            return "accepting again";
        });
}
