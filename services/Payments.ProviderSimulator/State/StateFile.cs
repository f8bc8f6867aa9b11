using System.Text.Json;

namespace Payments.ProviderSimulator.State;

/// <summary>Reads and writes the state file. A write goes to a temporary file moved over the old one, so a crash never leaves half a file.</summary>
internal static class StateFile
{
    public static SimulatorState? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        SimulatorState? state;
        try
        {
            using var stream = File.OpenRead(path);
            state = JsonSerializer.Deserialize<SimulatorState>(stream, SimulatorJson.Options);
        }
        catch (JsonException e)
        {
            throw Unreadable(path, e.Message);
        }

        return state is { Version: SimulatorState.CurrentVersion, Ledger: not null, Targets: not null, Idempotency: not null }
            ? state
            : throw Unreadable(path, $"expected a version {SimulatorState.CurrentVersion} simulator state");
    }

    public static void Write(string path, SimulatorState state)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(state, SimulatorJson.Options));
        File.Move(temporary, path, overwrite: true);
    }

    // Refuse to start rather than start empty: silently losing a test's payments would be the surprise to avoid.
    private static InvalidOperationException Unreadable(string path, string reason) => new(
        $"Invalid configuration: Simulator:StatePath points at '{path}', which is not a readable simulator state file ({reason}). "
        + "Delete the file to start empty, or point Simulator:StatePath elsewhere.");
}
