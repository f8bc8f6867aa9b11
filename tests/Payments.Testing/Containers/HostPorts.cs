namespace Payments.Testing.Containers;

/// <summary>
/// The fixed host port each container port is published on. Fixed, not left to Docker, because Docker gives
/// a stopped and restarted container new host ports when they were chosen for it, and tests restart servers
/// under clients that keep the address they were given.
/// </summary>
internal sealed class HostPorts
{
    private readonly Dictionary<int, int> _byContainerPort;

    private HostPorts(Dictionary<int, int> byContainerPort) => _byContainerPort = byContainerPort;

    public IReadOnlyDictionary<int, int> ByContainerPort => _byContainerPort;

    /// <summary>A free host port for each of <paramref name="containerPorts"/>.</summary>
    public static HostPorts Allocate(IEnumerable<int> containerPorts) =>
        new(containerPorts.ToDictionary(port => port, _ => FreePorts.Next()));

    public int this[int containerPort] => _byContainerPort[containerPort];
}
