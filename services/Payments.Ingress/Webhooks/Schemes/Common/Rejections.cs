namespace Payments.Ingress.Webhooks.Schemes.Common;

/// <summary>One shared instance per reason: a flood of forged requests should not also be a flood of allocations.</summary>
internal static class Rejections
{
    private static readonly VerificationResult[] ByReason =
        Enum.GetValues<RejectionReason>().Select(reason => (VerificationResult)new VerificationResult.Rejected(reason)).ToArray();

    public static VerificationResult For(RejectionReason reason) => ByReason[(int)reason];
}
