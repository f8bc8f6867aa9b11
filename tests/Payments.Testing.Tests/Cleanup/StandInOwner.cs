using System.Diagnostics;
using Payments.Testing.Containers;

namespace Payments.Testing.Tests.Cleanup;

/// <summary>A process standing in for a test host; it ends on its own should a test fail before killing it.</summary>
internal sealed class StandInOwner : IDisposable
{
    private readonly Process _process = Process.Start("sleep", "120");

    public FixtureOwner Owner => FixtureOwner.Of(_process.Id) ?? throw new InvalidOperationException("The stand-in owner has already exited.");

    /// <summary>SIGKILL, like an aborted test run.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill();
        _process.Dispose();
    }
}
