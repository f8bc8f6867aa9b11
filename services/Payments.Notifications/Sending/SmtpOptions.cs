using System.Net.Mail;

namespace Payments.Notifications.Sending;

/// <summary>Smtp: the server every notification is handed to.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    /// <summary>STARTTLS before anything else is said (System.Net.Mail's EnableSsl); fails if the server does not offer it.</summary>
    public bool UseTls { get; set; }

    /// <summary>With <see cref="Password"/>: AUTH after STARTTLS. Either one without <see cref="UseTls"/> stops the start.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. "Shop &lt;shop@example.com&gt;". Its domain is also the right-hand side of every Message-ID.</summary>
    public string From { get; set; } = "";

    /// <summary>
    /// The longest one send may take, connect to final reply (SmtpClient.Timeout). Keep it below the host's shutdown
    /// timeout, so a send in flight at shutdown finishes and is recorded instead of being cut off mid-dialogue.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>A connection unused this long is closed (QUIT) before the next send, rather than found dead by it.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public MailAddress FromAddress => new(From);
}
