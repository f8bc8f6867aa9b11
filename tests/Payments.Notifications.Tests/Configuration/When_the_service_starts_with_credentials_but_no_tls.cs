using Payments.Testing;
using Payments.Testing.Services;

namespace Payments.Notifications.Tests.Configuration;

/// <summary>The real service process, configured to send a password in clear text: it must not start at all.</summary>
public sealed class When_the_service_starts_with_credentials_but_no_tls
{
    [Fact]
    public async Task Should_exit_non_zero_naming_the_keys()
    {
        var ct = TestContext.Current.CancellationToken;
        // Options are validated before any hosted service connects: nothing needs to answer on these ports.
        await using var service = new ServiceProcess("Payments.Notifications")
            .With("ConnectionStrings:RabbitMq", $"amqp://guest:guest@127.0.0.1:{FreePorts.Next()}/")
            .With("ConnectionStrings:Postgres", $"Host=127.0.0.1;Port={FreePorts.Next()};Username=postgres;Database=notifications")
            .With("Smtp:Host", "127.0.0.1")
            .With("Smtp:From", "Payments Shop <shop@payments.test>")
            .With("Smtp:Username", "shop")
            .With("Smtp:Password", "not-for-the-wire")
            .With("Smtp:UseTls", "false")
            .With("Notifications:OperationsEmail", "operations@payments.test");

        await service.StartAsync(waitUntilReady: false, cancellationToken: ct);
        var exitCode = await service.WaitForExitAsync(TimeSpan.FromSeconds(60), ct);

        var log = service.ReadLog();
        exitCode.ShouldNotBeNull("the service should stop by itself, not run with credentials in clear text");
        exitCode.Value.ShouldNotBe(0, log);
        log.ShouldContain("Smtp:Username/Smtp:Password are set but Smtp:UseTls is false");
        log.ShouldNotContain("not-for-the-wire", customMessage: "the password itself must never be written out");
    }
}
