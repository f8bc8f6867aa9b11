namespace Payments.Demo;

internal sealed record DemoOptions(
    int Orders,
    int Concurrency,
    string OrdersUrl,
    string SimulatorUrl,
    string NotificationsUrl,
    string ApiKey,
    string AdminKey,
    string? ClientToken,
    string? OpsToken,
    TimeSpan Deadline)
{
    public static DemoOptions Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        return new DemoOptions(
            int.Parse(Get("orders", "300")),
            int.Parse(Get("concurrency", "16")),
            Get("orders-url", "http://127.0.0.1:5081"),
            Get("simulator-url", "http://127.0.0.1:5090"),
            Get("notifications-url", "http://127.0.0.1:5083"),
            Get("api-key", "sk_test_sandbox_dev"),
            Get("admin-key", "sim_admin_sandbox_dev"), // the simulator's Development admin key, for /sim/stats
            // Bearer tokens (scripts/run.sh mints them into .run/dev.env): Orders' client, the operator for Notifications.
            Get("client-token", Environment.GetEnvironmentVariable("PAYMENTS_CLIENT_TOKEN") ?? ""),
            Get("ops-token", Environment.GetEnvironmentVariable("PAYMENTS_OPS_TOKEN") ?? ""),
            TimeSpan.FromSeconds(int.Parse(Get("deadline-seconds", "180"))));
    }
}
