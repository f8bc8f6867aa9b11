using Microsoft.Extensions.Configuration;
using Payments.ServiceDefaults.Hosting;

namespace Payments.ServiceDefaults.Tests.Hosting;

/// <summary>Runtime:JitProfileDirectory: where a service records the methods it compiles, to replay them at its next start.</summary>
public sealed class When_a_jit_profile_directory_is_configured : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("jit-profile-").FullName;

    [Fact]
    public void Should_create_the_directory_and_leave_nothing_of_its_own_check_behind()
    {
        var directory = Path.Combine(_root, "profiles");

        JitProfile.Start(Configuration(directory), "Payments.Tests");

        Directory.Exists(directory).ShouldBeTrue();
        Directory.GetFileSystemEntries(directory).ShouldBeEmpty(); // the profile itself is written when the process stops
    }

    [Fact]
    public void Should_refuse_a_directory_it_cannot_write_naming_the_key()
    {
        var file = Path.Combine(_root, "a-file");
        File.WriteAllText(file, string.Empty);

        var error = Should.Throw<InvalidOperationException>(() => JitProfile.Start(Configuration(Path.Combine(file, "profiles")), "Payments.Tests"));

        error.Message.ShouldStartWith("Invalid configuration: Runtime:JitProfileDirectory must be a directory this service can write");
    }

    [Fact]
    public void Should_do_nothing_when_the_key_is_unset()
    {
        Should.NotThrow(() => JitProfile.Start(new ConfigurationBuilder().Build(), "Payments.Tests"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static IConfiguration Configuration(string directory) =>
        new ConfigurationBuilder().AddInMemoryCollection([new(JitProfile.DirectoryKey, directory)]).Build();
}
