using Payments.Testing.Services;

namespace Payments.Testing.Load;

/// <summary>
/// One provider the load pays through: a simulator of its own with one receiver registered, the ingress source of the
/// same name, and Orders instances that create their payments at that simulator and record this name as the provider.
/// A simulator sends every event to every receiver it has, and Orders treats an event from another provider than the
/// one the payment was created at as foreign, so each source needs its own simulator and its own orders. Orders' provider
/// is a setting of each instance (Provider:Name, Provider:BaseUrl) while its instances share one database and one set
/// of queues, so an order belongs to the provider recorded on it: usually its instance's, but a deferred
/// CreateOrderPayment runs on whichever instance takes it.
/// LiqPay is not among them: Orders creates every payment over the Stripe-compatible API and records the PaymentIntent
/// id, while a LiqPay callback names the payment by LiqPay's numeric payment_id, so each one would be a payment
/// mismatch (needs attention) rather than a payment.
/// </summary>
public sealed class LoadSource(string name, string scheme, string secret, bool reconcilable)
{
    public static LoadSource Stripe() => new("stripe", "stripe", "whsec_chaos_suite_secret", reconcilable: true);

    /// <summary>Reconciliation has no status client for a Standard Webhooks sender: a dropped webhook could never be recovered.</summary>
    /// <remarks>
    /// Named acme, as in the ingress's Development settings: a source's name is part of the services' environment
    /// variable names (Ingress__Sources__acme__Scheme), where a '-' does not survive the shell that starts them.
    /// </remarks>
    public static LoadSource StandardWebhooks() =>
        new("acme", "standard-webhooks", "whsec_Y2hhb3Mtc3RhbmRhcmQtd2ViaG9va3Mta2V5LTAwMDE=", reconcilable: false);

    /// <summary>The ingress source (/webhooks/{name}), recorded as the source of each event it takes.</summary>
    public string Name => name;

    public string Scheme => scheme;

    /// <summary>The provider the ingress names on this source's events (its scheme's name): Orders' Provider:Name for it.</summary>
    public string Provider => scheme;

    /// <summary>The source, and its provider where the names differ.</summary>
    public string Label => name == scheme ? name : $"{name} ({scheme})";

    public string Secret => secret;

    /// <summary>Whether Reconciliation can ask this provider about a payment; only then may its simulator drop webhooks.</summary>
    public bool Reconcilable => reconcilable;

    public ServiceProcess Simulator { get; } = new("Payments.ProviderSimulator");

    public List<ServiceProcess> Orders { get; } = [];

    /// <summary>
    /// The provider event id the ingress records for a simulator event: Stripe's event id, or the Standard Webhooks
    /// webhook-id the simulator derives from it (msg_ and the same suffix).
    /// </summary>
    public string ProviderEventId(string simulatorEventId) =>
        scheme == "standard-webhooks" ? "msg_" + simulatorEventId["evt_".Length..] : simulatorEventId;
}
