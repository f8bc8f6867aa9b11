namespace Payments.ProviderSimulator.Configuration;

/// <summary>
/// Simulator:LiqPay: the one merchant this sandbox plays LiqPay for. The private key signs callbacks and verifies
/// status requests (https://www.liqpay.ua/en/doc/callback); the public key names the merchant inside data.
/// </summary>
public sealed class LiqPayOptions
{
    public string PublicKey { get; set; } = "";

    public string PrivateKey { get; set; } = "";
}
