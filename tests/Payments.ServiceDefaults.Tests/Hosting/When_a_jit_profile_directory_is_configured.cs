using Microsoft.Extensions.Configuration;
using Payments.ServiceDefaults.Hosting;

namespace Payments.ServiceDefaults.Tests.Hosting;

/// <summary>
/// Runtime:JitProfileDirectory: where a service records the methods it compiles, to replay them at its next start.
/// The checks call EnsureWritable rather than Start with the key set, so the test process never starts the runtime's
/// profile recorder (a process-wide switch); the recording itself is seen in ./scripts/run.sh's .run/jit-profiles.
/// </summary>
public sealed class When_a_jit_profile_directory_is_configured : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("jit-profile-").FullName;

    [Fact]
    public void Should_create_the_directory_and_leave_nothing_of_its_own_check_behind()
    {
        var directory = Path.Combine(_root, "profiles");

        JitProfile.EnsureWritable(directory);

        Directory.Exists(directory).ShouldBeTrue();
        Directory.GetFileSystemEntries(directory).ShouldBeEmpty(); // the profile itself is written when the process stops
    }

    [Fact]
    public void Should_refuse_a_directory_it_cannot_write_naming_the_key()
    {
        var file = Path.Combine(_root, "a-file");
        File.WriteAllText(file, string.Empty);

        var error = Should.Throw<InvalidOperationException>(() => JitProfile.EnsureWritable(Path.Combine(file, "profiles")));

        error.Message.ShouldStartWith("Invalid configuration: Runtime:JitProfileDirectory must be a directory this service can write");
    }

    [Fact]
    public void Should_do_nothing_when_the_key_is_unset()
    {
        Should.NotThrow(() => JitProfile.Start(new ConfigurationBuilder().Build(), "Payments.Tests"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
