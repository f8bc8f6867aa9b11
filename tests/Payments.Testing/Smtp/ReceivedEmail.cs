namespace Payments.Testing.Smtp;

/// <summary>A message accepted by <see cref="SmtpFixture"/>.</summary>
/// <param name="From">Sender address (the From header's, as Mailpit reports it).</param>
/// <param name="To">Envelope recipients, Bcc included.</param>
/// <param name="Subject">Decoded Subject header.</param>
/// <param name="MessageId">Message-ID header, if the client set one.</param>
/// <param name="Body">Decoded text body (the plain part if there is one, else the HTML part).</param>
/// <param name="Headers">Decoded headers by lower-case name; the first one wins when a name repeats.</param>
public sealed record ReceivedEmail(
    string From,
    IReadOnlyList<string> To,
    string Subject,
    string? MessageId,
    string Body,
    IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The message exactly as received, headers and encoded body included.</summary>
    public string Raw { get; init; } = "";
}
