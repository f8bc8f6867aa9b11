extern alias operations;
extern alias orders;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Payments.Security.Tests.Infrastructure;
using Payments.ServiceDefaults.Security;
using Payments.Testing.Security;

namespace Payments.Security.Tests.Configuration;

/// <summary>Start-up refuses what would let the wrong callers in, naming the key to fix.</summary>
[Collection(SecurityCollection.Name)]
public sealed class When_the_identity_configuration_is_unsafe(SecuritySystem system)
{
    [Fact]
    public void Should_refuse_an_audience_of_another_service()
    {
        var settings = new Dictionary<string, string?>(TestTokens.Settings)
        {
            ["Authentication:Schemes:Bearer:ValidAudiences:0"] = ApiAudiences.Orders,
            ["Authentication:Schemes:Bearer:ValidAudiences:1"] = ApiAudiences.Notifications,
        };
        StartFailure("Testing", settings).ShouldContain("Authentication:Schemes:Bearer:ValidAudiences names \"payments-notifications\"");
    }

    [Fact]
    public void Should_refuse_to_start_outside_development_without_a_key_or_an_authority() =>
        StartFailure("Production", new Dictionary<string, string?> { ["Management:Urls"] = "http://127.0.0.1:9" })
            .ShouldContain("Missing configuration: Authentication:Schemes:Bearer:Authority");

    [Fact]
    public void Should_refuse_a_key_too_short_for_hs256()
    {
        var settings = new Dictionary<string, string?>(TestTokens.Settings)
        {
            ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(new byte[16]),
        };
        StartFailure("Testing", settings).ShouldContain("Authentication:Schemes:Bearer:SigningKeys:0:Value must be a base64 key of at least 32 bytes");
    }

    [Fact]
    public void Should_refuse_a_management_port_shared_with_the_public_listener() =>
        StartFailure("Testing", new Dictionary<string, string?>(TestTokens.Settings)
            {
                ["urls"] = "http://127.0.0.1:9",
                ["Management:Urls"] = "http://127.0.0.1:9",
            })
            .ShouldContain("Management:Urls uses port 9");

    [Fact]
    public void Should_refuse_a_management_listener_on_operations()
    {
        // Operations' one listener is its management listener (decision 0029): a second one would promise a public one.
        using var app = new ServiceWith<operations::Program>("Testing", new Dictionary<string, string?>(TestTokens.Settings)
        {
            ["Management:Urls"] = "http://127.0.0.1:9",
            ["ConnectionStrings:RabbitMq"] = system.Broker.AmqpUri,
            ["ConnectionStrings:Postgres"] = system.Databases["operations"],
        });
        Should.Throw<Exception>(() => app.CreateClient()).ToString()
            .ShouldContain("Invalid configuration: Management:Urls is not used by this service: it serves operators only");
    }

    private string StartFailure(string environment, IReadOnlyDictionary<string, string?> settings)
    {
        using var app = new ServiceWith<orders::Program>(environment, new Dictionary<string, string?>(settings)
        {
            ["ConnectionStrings:RabbitMq"] = system.Broker.AmqpUri,
            ["ConnectionStrings:Postgres"] = system.Databases["orders"],
            ["Provider:BaseUrl"] = "http://127.0.0.1:9",
            ["Provider:ApiKey"] = "sk_test_security_tests",
        });
        return Should.Throw<Exception>(() => app.CreateClient()).ToString();
    }

    private sealed class ServiceWith<TProgram>(string environment, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<TProgram>
        where TProgram : class
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
