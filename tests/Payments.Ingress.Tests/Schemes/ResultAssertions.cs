using System.Text;
using Payments.Contracts;
using Payments.Ingress.Webhooks.Schemes;

namespace Payments.Ingress.Tests.Schemes;

internal static class ResultAssertions
{
    public static VerifiedWebhook ShouldBeVerified(this VerificationResult result) =>
        result.ShouldBeOfType<VerificationResult.Verified>().Webhook;

    public static void ShouldBeRejectedWith(this VerificationResult result, RejectionReason reason) =>
        result.ShouldBeOfType<VerificationResult.Rejected>().Reason.ShouldBe(reason);

    public static string PayloadText(this VerifiedWebhook webhook) => Encoding.UTF8.GetString(webhook.Payload.Span);

    public static PaymentEventReceived ShouldBeNormalized(this NormalizationResult result) =>
        result.ShouldBeOfType<NormalizationResult.Normalized>().Event;

    public static void ShouldBeIgnoredAs(this NormalizationResult result, string eventType) =>
        result.ShouldBeOfType<NormalizationResult.Ignored>().EventType.ShouldBe(eventType);

    /// <summary>Malformed, with an error under <paramref name="path"/> that has a message a developer can act on.</summary>
    public static NormalizationResult.Malformed ShouldBeMalformedAt(this NormalizationResult result, string path)
    {
        var malformed = result.ShouldBeOfType<NormalizationResult.Malformed>();
        malformed.Detail.ShouldNotBeNullOrWhiteSpace();
        malformed.Errors.Keys.ShouldContain(path);
        malformed.Errors[path].ShouldAllBe(message => message.Length > 0);
        return malformed;
    }
}
