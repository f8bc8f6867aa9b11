using System.Text.Json;
using System.Text.Json.Serialization;
using Payments.Contracts;

namespace Payments.Ingress.Publishing;

/// <summary>Source-generated serialization of the canonical event for the hot path; camelCase, as MassTransit reads it.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PaymentEventReceived))]
internal sealed partial class ContractsJsonContext : JsonSerializerContext;
