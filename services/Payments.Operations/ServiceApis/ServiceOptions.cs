namespace Payments.Operations.ServiceApis;

/// <summary>Where an owning service's management listener answers (Operations:Services:{Name}:BaseUrl).</summary>
public sealed class ServiceOptions
{
    public string BaseUrl { get; set; } = "";
}
