using Payments.Notifications.Sending;

namespace Payments.Notifications.Tests.Configuration;

/// <summary>SMTP credentials travel only over TLS (STARTTLS, required): any other combination stops the start.</summary>
public sealed class When_smtp_credentials_are_configured
{
    [Theory]
    [InlineData("shop", "secret")]
    [InlineData("shop", null)]
    [InlineData(null, "secret")]
    public void Should_refuse_them_without_tls_naming_the_keys(string? username, string? password)
    {
        var result = Validate(username, password, useTls: false);

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Smtp:Username");
        result.FailureMessage.ShouldContain("Smtp:Password");
        result.FailureMessage.ShouldContain("Smtp:UseTls");
    }

    [Fact]
    public void Should_accept_them_with_tls() => Validate("shop", "secret", useTls: true).Succeeded.ShouldBeTrue();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Should_accept_no_credentials_with_or_without_tls(bool useTls) =>
        Validate(username: null, password: "", useTls).Succeeded.ShouldBeTrue();

    [Fact]
    public void Should_refuse_them_on_loopback_too() =>
        new SmtpCredentialsValidator().Validate(null, new SmtpOptions { Host = "127.0.0.1", From = "shop@payments.example", Username = "dev", Password = "dev" })
            .Failed.ShouldBeTrue("a development catcher needs no credentials; there is no loopback exception");

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? username, string? password, bool useTls) =>
        new SmtpCredentialsValidator().Validate(null, new SmtpOptions
        {
            Host = "smtp.example.com", From = "shop@payments.example", UseTls = useTls, Username = username, Password = password,
        });
}
