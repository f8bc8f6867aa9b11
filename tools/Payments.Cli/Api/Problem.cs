using System.Text.Json;

namespace Payments.Cli.Api;

/// <summary>RFC 9457 problem details as the services write them (plus the validation <c>errors</c> and our <c>reason</c>).</summary>
public sealed record Problem(
    string? Type,
    string? Title,
    int? Status,
    string? Detail,
    string? Reason,
    Dictionary<string, string[]>? Errors)
{
    public static Problem? TryParse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            var problem = JsonSerializer.Deserialize<Problem>(body, Json.Options);
            return problem is { Title: null, Detail: null, Status: null } ? null : problem;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
