using System.Text.Json;
using Polly;

namespace Payments.Operations.ServiceApis;

/// <summary>
/// The failures that mean "the service did not give a usable answer": refused or reset connections and error statuses
/// (<see cref="HttpRequestException"/>), an attempt or the whole budget running out (<see cref="TaskCanceledException"/>
/// from HttpClient's own timeout, Polly's <see cref="ExecutionRejectedException"/> for its timeouts and an open
/// circuit), and an answer that is not the JSON asked for. Anything else is a bug of ours and stays a 500.
/// </summary>
public static class Unanswered
{
    public static bool Is(Exception ex) =>
        ex is HttpRequestException or TaskCanceledException or ExecutionRejectedException or JsonException;
}
