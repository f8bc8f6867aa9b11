using Payments.Ingress.Webhooks.Schemes;

namespace Payments.Ingress.Webhooks;

/// <summary>A configured source, resolved at start-up: its scheme, the key bytes of every accepted secret, and what it may report.</summary>
internal sealed record WebhookSource(string Name, IWebhookScheme Scheme, IReadOnlyList<byte[]> Keys, TimeSpan Tolerance, bool AllowSandbox = false);
