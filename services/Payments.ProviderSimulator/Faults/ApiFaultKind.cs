namespace Payments.ProviderSimulator.Faults;

internal enum ApiFaultKind
{
    None,
    ServerError,
    RateLimited,
}
