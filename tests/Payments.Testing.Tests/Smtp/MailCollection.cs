using Payments.Testing.Smtp;

namespace Payments.Testing.Tests.Smtp;

/// <summary>Test classes in this collection share one SMTP server and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class MailCollection : ICollectionFixture<SmtpFixture>
{
    public const string Name = "mail";
}
