namespace Payments.Testing.Containers;

/// <summary>
/// The images the fixtures run: the official ones, pinned, unless an environment variable names another
/// (a local build of an equivalent where no registry can be reached; see scripts/local-images.sh).
/// </summary>
public sealed record ContainerImages(string RabbitMq, string Postgres, string Mailpit)
{
    public const string RabbitMqVariable = "PAYMENTS_RABBITMQ_IMAGE";
    public const string PostgresVariable = "PAYMENTS_POSTGRES_IMAGE";
    public const string MailpitVariable = "PAYMENTS_MAILPIT_IMAGE";

    public static ContainerImages Official { get; } = new("rabbitmq:3.13-management", "postgres:15", "axllent/mailpit:v1.27");

    /// <summary>The images selected by the environment of this process, read once.</summary>
    public static ContainerImages Current { get; } = FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>Reads the variables through <paramref name="read"/>; unset or empty means the official image.</summary>
    public static ContainerImages FromEnvironment(Func<string, string?> read) =>
        new(
            Read(read, RabbitMqVariable, Official.RabbitMq),
            Read(read, PostgresVariable, Official.Postgres),
            Read(read, MailpitVariable, Official.Mailpit));

    private static string Read(Func<string, string?> read, string variable, string official)
    {
        var value = read(variable);
        if (string.IsNullOrEmpty(value))
            return official;
        // Docker would reject it later with a message that does not say where the name came from.
        if (value.Any(char.IsWhiteSpace) || value.StartsWith(':') || value.EndsWith(':'))
            throw new InvalidOperationException($"{variable} must name an image such as '{official}'; it is '{value}'.");
        return value;
    }
}
