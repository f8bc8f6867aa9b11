using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Payments.Compose.Tests.Driving;

/// <summary>The mails the mailpit container caught, read through Mailpit's API (https://mailpit.axllent.org/docs/api-v1/).</summary>
public sealed class Mailpit(string baseUrl)
{
    private const int PageSize = 250;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task<IReadOnlyList<MailpitMessage>> MessagesAsync(CancellationToken cancellationToken)
    {
        var messages = new List<MailpitMessage>();
        while (true)
        {
            var start = messages.Count.ToString(CultureInfo.InvariantCulture);
            var page = await _http.GetFromJsonAsync<JsonElement>($"{baseUrl}/api/v1/messages?start={start}&limit={PageSize}", cancellationToken);
            var items = page.GetProperty("messages").EnumerateArray().ToList();
            messages.AddRange(items.Select(m => new MailpitMessage(
                m.GetProperty("ID").GetString()!,
                m.GetProperty("MessageID").GetString()!,
                [.. m.GetProperty("To").EnumerateArray().Select(t => t.GetProperty("Address").GetString()!)],
                m.GetProperty("Subject").GetString()!)));
            if (items.Count == 0 || messages.Count >= page.GetProperty("total").GetInt32())
                return messages;
        }
    }
}
