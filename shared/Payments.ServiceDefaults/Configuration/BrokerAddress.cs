using System.Globalization;

namespace Payments.ServiceDefaults.Configuration;

/// <summary>
/// ConnectionStrings:RabbitMq: an AMQP URI (https://www.rabbitmq.com/docs/uri-spec) whose authority may name several nodes
/// of one cluster, <c>amqp://user:pass@host1:5672,host2:5672,host3:5672/vhost</c>. Every node shares the scheme,
/// credentials and virtual host; clients connect to the first that answers and fail over to the others.
/// </summary>
public sealed record BrokerAddress(bool Tls, string UserName, string Password, string VirtualHost, IReadOnlyList<BrokerNode> Nodes)
{
    private const int AmqpPort = 5672;
    private const int AmqpsPort = 5671;

    /// <summary>Parses <paramref name="value"/>; a malformed value throws <see cref="FormatException"/> saying what is wrong (never echoing the password).</summary>
    public static BrokerAddress Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var tls = value.StartsWith("amqps://", StringComparison.OrdinalIgnoreCase);
        if (!tls && !value.StartsWith("amqp://", StringComparison.OrdinalIgnoreCase))
            throw new FormatException("it must start with amqp:// or amqps://");

        var rest = value[(tls ? "amqps://".Length : "amqp://".Length)..];
        if (rest.IndexOfAny(['?', '#']) >= 0)
            throw new FormatException("query and fragment are not supported");
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? "" : rest[(slash + 1)..];
        if (path.Contains('/', StringComparison.Ordinal))
            throw new FormatException("the virtual host is one path segment (write / as %2f)");

        var at = authority.LastIndexOf('@');
        var (user, password) = at < 0 ? ("guest", "guest") : Credentials(authority[..at]);
        var hosts = at < 0 ? authority : authority[(at + 1)..];
        var nodes = hosts.Split(',').Select(node => Node(node, tls ? AmqpsPort : AmqpPort)).ToList();
        if (nodes.Distinct().Count() != nodes.Count)
            throw new FormatException("a node is named twice");

        var virtualHost = path.Length == 0 ? "/" : Uri.UnescapeDataString(path);
        return new BrokerAddress(tls, user, password, virtualHost, nodes);
    }

    private static (string User, string Password) Credentials(string userInfo)
    {
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        var user = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
        var password = colon < 0 ? "" : Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        return user.Length == 0 ? throw new FormatException("the user name before '@' is empty") : (user, password);
    }

    private static BrokerNode Node(string node, int defaultPort)
    {
        if (node.Length == 0)
            throw new FormatException("a node's host is empty (check the commas)");

        string host;
        string? port = null;
        if (node.StartsWith('['))
        {
            var close = node.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
                throw new FormatException($"'{node}' opens an IPv6 address with '[' but never closes it");
            host = node[1..close];
            var after = node[(close + 1)..];
            if (after.Length > 0)
                port = after.StartsWith(':') ? after[1..] : throw new FormatException($"'{node}' has text after its IPv6 address");
        }
        else
        {
            var colon = node.LastIndexOf(':');
            host = colon < 0 ? node : node[..colon];
            port = colon < 0 ? null : node[(colon + 1)..];
        }

        if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
            throw new FormatException($"'{host}' is not a host name or address");
        if (port is null)
            return new BrokerNode(host, defaultPort);
        return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 65535
            ? new BrokerNode(host, number)
            : throw new FormatException($"'{port}' is not a port (1-65535) in '{node}'");
    }
}
