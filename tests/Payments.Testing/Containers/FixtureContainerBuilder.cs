using System.Globalization;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;

namespace Payments.Testing.Containers;

internal static class FixtureContainerBuilder
{
    /// <summary>
    /// What every fixture container has: a recognisable name, its owner's labels, and its ports published
    /// on 127.0.0.1 only, at the fixed <paramref name="ports"/>.
    /// </summary>
    public static TBuilder WithFixtureDefaults<TBuilder, TContainer, TConfiguration>(
        this IContainerBuilder<TBuilder, TContainer, TConfiguration> builder,
        string kind,
        HostPorts ports)
        where TBuilder : IContainerBuilder<TBuilder, TContainer, TConfiguration>
        where TContainer : IContainer
        where TConfiguration : IContainerConfiguration
    {
        var owner = FixtureOwner.Current;
        var name = $"payments-fixture-{kind}-{owner.Pid.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..8]}";
        var configured = builder.WithName(name).WithLabel(owner.Labels);
        foreach (var (containerPort, hostPort) in ports.ByContainerPort)
            configured = configured.WithPortBinding(hostPort, containerPort);
        // Testcontainers publishes on every interface; the tests reach the servers over loopback only.
        return configured.WithCreateParameterModifier(PublishOnLoopbackOnly);
    }

    private static void PublishOnLoopbackOnly(CreateContainerParameters parameters)
    {
        var published = parameters.HostConfig?.PortBindings?.Values ?? [];
        foreach (var binding in published.SelectMany(bindings => bindings))
            binding.HostIP = "127.0.0.1";
    }
}
