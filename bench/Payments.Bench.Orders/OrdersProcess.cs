using System.Diagnostics;
using System.Security.Cryptography;

namespace Payments.Bench.Orders;

/// <summary>The real Orders service, built in Release, as its own process.</summary>
internal sealed class OrdersProcess(string amqpUri, string postgres, string logPath, int concurrency = 32) : IAsyncDisposable
{
    private Process? _process;

    public async Task StartAsync()
    {
        var root = RepositoryRoot();
        var dll = Path.Combine(root, "services", "Payments.Orders", "bin", "Release", "net10.0", "Payments.Orders.dll");
        var port = 47000 + Random.Shared.Next(1000);
        var start = new ProcessStartInfo("dotnet", [dll, "--contentRoot", Path.GetDirectoryName(dll)!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__RabbitMq"] = amqpUri,
                ["ConnectionStrings__Postgres"] = postgres,
                ["Provider__BaseUrl"] = "http://127.0.0.1:9", // unused: the benchmark creates orders directly
                ["Provider__ApiKey"] = "sk_bench",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Orders__PaymentEvents__Concurrency"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
                // Orders refuses to start outside Development without bearer settings; the benchmark calls none of its
                // protected APIs: a key nobody holds.
                ["Authentication__Schemes__Bearer__ValidIssuer"] = "payments-bench",
                ["Authentication__Schemes__Bearer__SigningKeys__0__Issuer"] = "payments-bench",
                ["Authentication__Schemes__Bearer__SigningKeys__0__Value"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            },
        };
        // What the launchers add for this service (scripts/lib/runtime.sh, passed on by bench/orders/run.sh).
        foreach (var setting in (Environment.GetEnvironmentVariable("ORDERS_RUNTIME_ENV") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = (setting[..setting.IndexOf('=')], setting[(setting.IndexOf('=') + 1)..]);
            start.Environment[name] = value;
        }

        _process = Process.Start(start)!;
        var log = File.AppendText(logPath);
        log.AutoFlush = true; // a service that exits at start still leaves its reason
        _process.OutputDataReceived += (_, e) => { lock (log) { log.WriteLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (log) { log.WriteLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{port}/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"Orders did not become ready; see {logPath}");
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            using var term = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
            await term.WaitForExitAsync();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Payments.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Payments.sln not found.");
    }
}
