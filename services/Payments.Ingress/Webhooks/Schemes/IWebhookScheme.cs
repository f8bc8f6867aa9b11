using Microsoft.AspNetCore.Http;

namespace Payments.Ingress.Webhooks.Schemes;

/// <summary>
/// One provider's way of signing and shaping webhooks. Implementations are stateless and thread-safe:
/// per-source keys are prepared once at start-up by <see cref="DeriveKey"/>.
/// </summary>
internal interface IWebhookScheme
{
    /// <summary>The configuration name, e.g. "stripe" (Ingress:Sources:{name}:Scheme).</summary>
    string Name { get; }

    /// <summary>The media type the provider sends; anything else is answered 415.</summary>
    string MediaType { get; }

    /// <summary>
    /// Turns one configured secret into the HMAC key bytes. Throws <see cref="FormatException"/> with a
    /// message that does not contain the secret when the secret is not in the scheme's format.
    /// </summary>
    byte[] DeriveKey(string secret);

    /// <summary>Checks signature and freshness on the raw body, trying every key (rotation).</summary>
    VerificationResult Verify(WebhookRequest request, WebhookSource source, DateTimeOffset now);

    /// <summary>Maps a verified payload to the canonical event, or says why it cannot.</summary>
    NormalizationResult Normalize(VerifiedWebhook webhook, WebhookSource source, DateTimeOffset receivedAt);
}
