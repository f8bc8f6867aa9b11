using System.Text.Json;
using System.Text.Json.Serialization;

namespace Payments.ProviderSimulator;

/// <summary>
/// One JSON dialect for everything the simulator writes (API answers, webhook bodies, the state file): Stripe's
/// snake_case (https://docs.stripe.com/api), with enums as snake_case strings ("requires_payment_method").
/// </summary>
internal static class SimulatorJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        return options;
    }
}
