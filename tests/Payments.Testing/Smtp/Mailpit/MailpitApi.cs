using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;

namespace Payments.Testing.Smtp.Mailpit;

/// <summary>
/// The part of Mailpit's HTTP API the fixture uses (https://mailpit.axllent.org/docs/api-v1/): the message
/// list, each message's raw source, and the chaos triggers.
/// </summary>
internal sealed class MailpitApi(HttpClient http)
{
    private const int PageSize = 250;
    private const int ParallelDownloads = 8;

    // Mailpit's names are PascalCase (ID, From, To) or lower case (total, messages).
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly HashSet<HeaderId> AddressHeaders =
        [HeaderId.From, HeaderId.Sender, HeaderId.ReplyTo, HeaderId.To, HeaderId.Cc, HeaderId.Bcc];

    public static HttpClient CreateClient(Uri baseAddress) => new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Turns the RCPT TO failure on (451, every time) or off.</summary>
    public async Task SetRecipientRefusalAsync(bool refuse, CancellationToken cancellationToken)
    {
        var triggers = new { Recipient = new { ErrorCode = 451, Probability = refuse ? 100 : 0 } };
        // Buffered, so the request carries a Content-Length: servers built on Python's http.server read a
        // chunked body as empty (PutAsJsonAsync streams it chunked).
        using var body = new StringContent(JsonSerializer.Serialize(triggers), System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PutAsync(new Uri("api/v1/chaos", UriKind.Relative), body, cancellationToken);
        // Real Mailpit answers 400 when started without MP_ENABLE_CHAOS=true.
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Every stored message, oldest first.</summary>
    public async Task<IReadOnlyList<ReceivedEmail>> MessagesAsync(CancellationToken cancellationToken)
    {
        var summaries = new List<MailpitMessageSummary>();
        for (var start = 0; ; start += PageSize)
        {
            var page = await http.GetFromJsonAsync<MailpitMessageList>(
                new Uri($"api/v1/messages?start={start.ToString(CultureInfo.InvariantCulture)}&limit={PageSize.ToString(CultureInfo.InvariantCulture)}", UriKind.Relative),
                Json,
                cancellationToken) ?? throw new InvalidDataException("Mailpit answered the message list with null.");
            summaries.AddRange(page.Messages);
            if (page.Messages.Count == 0 || summaries.Count >= page.Total)
                break;
        }

        // Newest first, and a message stored while paging shifts the pages: order by arrival, once each.
        var ordered = summaries.DistinctBy(summary => summary.ID).OrderBy(summary => summary.Created).ToList();
        var emails = new ReceivedEmail[ordered.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, ordered.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelDownloads, CancellationToken = cancellationToken },
            async (index, token) => emails[index] = await ReadAsync(ordered[index], token));
        return emails;
    }

    // Address headers as a reader writes them: display names unquoted where quoting is not needed
    // ("Payments Shop" <shop@payments.test> reads Payments Shop <shop@payments.test>).
    private static string Decoded(Header header) =>
        AddressHeaders.Contains(header.Id) && InternetAddressList.TryParse(header.Value, out var addresses)
            ? string.Join(", ", addresses.Mailboxes.Select(mailbox => string.IsNullOrEmpty(mailbox.Name) ? mailbox.Address : $"{mailbox.Name} <{mailbox.Address}>"))
            : header.Value;

    private async Task<ReceivedEmail> ReadAsync(MailpitMessageSummary summary, CancellationToken cancellationToken)
    {
        var raw = await http.GetByteArrayAsync(new Uri($"api/v1/message/{Uri.EscapeDataString(summary.ID)}/raw", UriKind.Relative), cancellationToken);
        using var source = new MemoryStream(raw);
        var message = await MimeMessage.LoadAsync(source, cancellationToken);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        // MimeKit keeps the top-level Content-* headers with the body, not the message.
        foreach (var header in message.Headers.Concat(message.Body?.Headers ?? []))
            headers.TryAdd(header.Field.ToLowerInvariant(), Decoded(header));

        // Mailpit reports every envelope recipient: those not named in To or Cc as Bcc.
        var recipients = (summary.To ?? []).Concat(summary.Cc ?? []).Concat(summary.Bcc ?? [])
            .Select(address => address.Address)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new ReceivedEmail(
            summary.From?.Address ?? "",
            recipients,
            message.Subject ?? "",
            message.Headers[HeaderId.MessageId]?.Trim(),
            message.TextBody ?? message.HtmlBody ?? "",
            headers)
        {
            Raw = System.Text.Encoding.UTF8.GetString(raw),
        };
    }
}
