namespace Payments.Bench.EndToEnd;

internal sealed record E2eSettings(
    string IngressUrl, string SyncUrl, string OrdersDb, string NotificationsDb, string SyncDb, string Secret,
    int[] Rates, TimeSpan Duration, string ResultsPath)
{
    public static E2eSettings Parse(string[] args)
    {
        string Get(string name) => args[Array.IndexOf(args, "--" + name) + 1];
        return new E2eSettings(Get("ingress"), Get("sync"), Get("orders-db"), Get("notifications-db"), Get("sync-db"), Get("secret"),
            [.. Get("rates").Split(',').Select(int.Parse)], TimeSpan.FromSeconds(int.Parse(Get("seconds"))), Get("results"));
    }
}
