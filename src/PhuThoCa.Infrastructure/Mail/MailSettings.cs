namespace PhuThoCa.Infrastructure.Mail;

/// <summary>How the SMTP connection is secured (configuration "Mail:Security").</summary>
public enum MailSecurity
{
    /// <summary>STARTTLS when the server offers it (MailKit's Auto).</summary>
    Auto = 0,

    /// <summary>STARTTLS required (port 587).</summary>
    StartTls = 1,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect = 2,

    /// <summary>Plain text: only for a relay on the same host or a test server.</summary>
    None = 3,
}

/// <summary>
/// E-mail settings (configuration section "Mail"; the password from the environment, <c>Mail__Password</c>). With no
/// <see cref="Host"/> mail is off: nothing is written to the outbox and the portal works as without e-mail.
/// </summary>
public sealed class MailSettings
{
    public const string Section = "Mail";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address, e.g. "chukyso@skhcn.phutho.gov.vn".</summary>
    public string FromAddress { get; set; } = "chukyso@skhcn.phutho.gov.vn";

    public string FromName { get; set; } = "Sở Khoa học và Công nghệ tỉnh Phú Thọ";

    /// <summary>The portal's address as users reach it, for the links in messages.</summary>
    public string PortalUrl { get; set; } = "http://localhost:5051";

    /// <summary>Seconds between delivery runs.</summary>
    public int PollSeconds { get; set; } = 30;

    /// <summary>Messages sent per run at most.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a run owns a message it is sending; after that it counts as "không rõ kết quả".</summary>
    public int LeaseMinutes { get; set; } = 10;

    /// <summary>Seconds to wait for the server on connect and each command.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Host);

    public string Link(string path) => PortalUrl.TrimEnd('/') + path;
}
