using System.ComponentModel.DataAnnotations;
using System.Net.Mail;

namespace Payments.Notifications.Sending;

/// <summary>Smtp: the server every notification is handed to.</summary>
public sealed class SmtpOptions
{
    [Required(ErrorMessage = "Missing configuration: Smtp:Host (environment variable Smtp__Host).")]
    public string Host { get; set; } = "";

    [Range(1, 65535, ErrorMessage = "Smtp:Port must be a TCP port (1-65535).")]
    public int Port { get; set; } = 25;

    /// <summary>STARTTLS before anything else is said (System.Net.Mail's EnableSsl); fails if the server does not offer it.</summary>
    public bool UseTls { get; set; }

    /// <summary>With <see cref="Password"/>: AUTH after STARTTLS. Either one without <see cref="UseTls"/> stops the start.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. "Shop &lt;shop@example.com&gt;". Its domain is also the right-hand side of every Message-ID.</summary>
    [Required(ErrorMessage = "Missing configuration: Smtp:From (environment variable Smtp__From).")]
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
