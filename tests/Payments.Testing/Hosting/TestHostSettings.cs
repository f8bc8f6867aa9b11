using Microsoft.AspNetCore.Hosting;

namespace Payments.Testing.Hosting;

/// <summary>How an in-process host of a service gets its settings in a test.</summary>
public static class TestHostSettings
{
    /// <summary>
    /// Each layer's settings in turn, a later layer's value winning (a host's defaults, the test tokens' settings, then
    /// the test's own), applied as host settings: unlike ConfigureAppConfiguration, they are there while the service's
    /// Program builds, where some keys are read and validated.
    /// </summary>
    public static IWebHostBuilder UseSettings(this IWebHostBuilder builder, params IEnumerable<KeyValuePair<string, string?>>?[] layers)
    {
        var all = new Dictionary<string, string?>();
        foreach (var layer in layers)
        {
            foreach (var (key, value) in layer ?? [])
            {
                all[key] = value;
            }
        }

        foreach (var (key, value) in all)
        {
            builder.UseSetting(key, value);
        }

        return builder;
    }
}
