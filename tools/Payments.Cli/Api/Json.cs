using System.Text.Json;

namespace Payments.Cli.Api;

/// <summary>The API speaks camelCase JSON (ASP.NET Core's web defaults, which also read numbers given as strings).</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
