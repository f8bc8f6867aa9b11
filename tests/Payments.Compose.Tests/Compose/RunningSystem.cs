using Payments.Testing;

namespace Payments.Compose.Tests.Compose;

/// <summary>
/// The whole docker-compose.yml system up in a project of its own (`up -d`), every service ready: the class fixture of
/// the tests that drive it.
/// </summary>
public sealed class RunningSystem(ComposeImages images) : IAsyncLifetime
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);

    public ComposeProject Project { get; } = new(images);

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await Project.UpAsync([], cancellationToken: cancellationToken);
        await WaitUntilReadyAsync(ComposeImages.Services, cancellationToken);
    }

    public async Task WaitUntilReadyAsync(IEnumerable<string> services, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(services.Select(service => Eventually.TrueAsync(
                async () => await HealthProbe.ReadyAsync(Project.Url(service), cancellationToken) == 200,
                ReadyTimeout, $"{service} to report ready", cancellationToken)));
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\n{await Project.LogsAsync(cancellationToken)}", ex);
        }
    }

    public async ValueTask DisposeAsync() => await Project.DisposeAsync();
}
