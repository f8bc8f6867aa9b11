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
/// LiqPay's Orders open nothing at the provider (Provider:Api liqpay): the customer pays at the checkout for the order id
/// Orders recorded as the payment (<see cref="LoadLane.PaysAtCheckout"/>).
/// </summary>
public sealed class LoadSource(string name, string scheme, string secret, bool reconcilable)
{
    /// <summary>The LiqPay merchant's keys at every simulator; the private key signs its callbacks and status answers.</summary>
    public const string LiqPayPublicKey = "sandbox_public";

    public const string LiqPayPrivateKey = "sandbox_private";

    public static LoadSource Stripe() => new("stripe", "stripe", "whsec_chaos_suite_secret", reconcilable: true);

    /// <summary>Reconciliation asks LiqPay's status API (Provider:LiqPay) about its payments, so its webhooks may be dropped.</summary>
    public static LoadSource LiqPay() => new("liqpay", "liqpay", LiqPayPrivateKey, reconcilable: true);

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

    /// <summary>Orders' Provider:Api for this source's instances: how they open a payment.</summary>
    public string OrdersApi => PaysAtCheckout ? "liqpay" : "stripe";

    /// <summary>Whether the customer opens the payment at the provider's checkout (LiqPay) rather than Orders.</summary>
    public bool PaysAtCheckout => scheme == "liqpay";
}
