using Payments.Cli;

namespace Payments.Operations.Console.Tests.Cli;

/// <summary>Usage mistakes answer exit code 2 with a specific message, before anything is sent.</summary>
public sealed class When_the_command_line_is_wrong
{
    // Nothing listens here: a command that got as far as calling would fail with 1, not 2.
    private const string Nowhere = "http://127.0.0.1:1";

    [Theory]
    [InlineData("Option '--reason' is required", "dead-letters", "discard", "--id", "1")]
    [InlineData("Give --id (repeatable) or at least one filter", "dead-letters", "replay")]
    [InlineData("either --id or a filter, not both", "dead-letters", "replay", "--id", "1", "--queue", "orders-payment-events_error")]
    [InlineData("--page-size must be between 1 and 500", "dead-letters", "list", "--page-size", "501")]
    [InlineData("Unrecognized command or argument 'restart'", "dead-letters", "restart")]
    [InlineData("Argument 'archive' not recognized", "parked", "requeue", "archive", "1")]
    [InlineData("Cannot parse argument 'yesterday'", "dead-letters", "list", "--from", "yesterday")]
    public async Task Should_answer_2_and_say_what_is_wrong(string expected, params string[] args)
    {
        var (exitCode, output) = await Cli.RunAsync([.. args, "--url", Nowhere, "--token", "a.b.c"]);

        exitCode.ShouldBe(ExitCodes.Usage);
        Flatten(output).ShouldContain(expected, Case.Insensitive);
    }

    [Fact]
    public async Task Should_ask_for_a_token_when_none_is_given()
    {
        var (exitCode, output) = await Cli.RunAsync("dead-letters", "list", "--url", Nowhere, "--token", " ");

        exitCode.ShouldBe(ExitCodes.Usage);
        Flatten(output).ShouldContain("No token: pass --token or set PAYMENTS_OPS_TOKEN");
    }

    [Fact]
    public async Task Should_refuse_a_url_that_is_not_http()
    {
        var (exitCode, output) = await Cli.RunAsync("dead-letters", "list", "--url", "ftp://127.0.0.1", "--token", "a.b.c");

        exitCode.ShouldBe(ExitCodes.Usage);
        Flatten(output).ShouldContain("--url must be an absolute http(s) URL");
    }

    [Fact]
    public async Task Should_answer_1_when_the_service_cannot_be_reached()
    {
        var (exitCode, output) = await Cli.RunAsync("dead-letters", "list", "--url", Nowhere, "--token", "a.b.c");

        exitCode.ShouldBe(ExitCodes.Failure);
        Flatten(output).ShouldContain("cannot reach the Operations service");
    }

    private static string Flatten(string output) => string.Join(' ', output.Split('\n', StringSplitOptions.TrimEntries));
}
