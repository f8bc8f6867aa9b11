namespace Payments.Bench.EndToEnd;

internal sealed record E2eSettings(
    string IngressUrl, string SyncUrl, string OrdersDb, string NotificationsDb, string SyncDb, string Secret,
    int[] Rates, TimeSpan Duration, string ResultsPath, int WarmupRate, TimeSpan Warmup, string? Processes)
{
    public static E2eSettings Parse(string[] args)
    {
        string Get(string name) => args[Array.IndexOf(args, "--" + name) + 1];
        string? Optional(string name) => Array.IndexOf(args, "--" + name) is >= 0 and var i ? args[i + 1] : null;
        return new E2eSettings(Get("ingress"), Get("sync"), Get("orders-db"), Get("notifications-db"), Get("sync-db"), Get("secret"),
            [.. Get("rates").Split(',').Select(int.Parse)], TimeSpan.FromSeconds(int.Parse(Get("seconds"))), Get("results"),
            int.Parse(Optional("warmup-rate") ?? "200"), TimeSpan.FromSeconds(int.Parse(Optional("warmup-seconds") ?? "10")), Optional("processes"));
    }
}
