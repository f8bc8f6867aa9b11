using Microsoft.AspNetCore.Http;

namespace Payments.Ingress.Webhooks.Schemes;

/// <summary>The raw request as received: body bytes exactly as sent, and the headers.</summary>
internal sealed record WebhookRequest(ReadOnlyMemory<byte> Body, IHeaderDictionary Headers);
