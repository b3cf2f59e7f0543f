using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PhuThoCa.Infrastructure.Auditing;

/// <summary>
/// The canonical content of an <see cref="AuditEntry"/> and its chained hash (docs/adr/0012-audit-trail.md).
/// <para>
/// Canonical form, version 1: eleven fields separated by one line feed (0x0A), each field written as its UTF-8 byte length in
/// decimal ASCII, a colon and the UTF-8 bytes, or a single <c>-</c> for null. The fields, in order: the literal
/// <c>PhuThoCa.Audit.v1</c>; the sequence number (decimal, invariant); the time as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>; user id;
/// user name; client IP; action; entity type; entity key; changes (the stored JSON text, byte for byte); reason.
/// </para>
/// <para>Hash = lower-case hex of SHA-256( UTF-8(previous hash hex) || 0x0A || canonical form ).</para>
/// </summary>
public static class AuditCanonicalForm
{
    public const string Version = "PhuThoCa.Audit.v1";

    public static readonly string GenesisHash = new('0', 64);

    /// <summary>Truncates to whole milliseconds, the precision both providers store exactly.</summary>
    public static DateTime Normalize(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    public static string Canonical(AuditEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var sb = new StringBuilder(256 + e.Changes.Length);
        Field(sb, Version);
        Field(sb, e.Id.ToString(CultureInfo.InvariantCulture));
        Field(sb, DateTime.SpecifyKind(e.AtUtc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        Field(sb, e.UserId);
        Field(sb, e.UserName);
        Field(sb, e.ClientIp);
        Field(sb, e.Action);
        Field(sb, e.EntityType);
        Field(sb, e.EntityKey);
        Field(sb, e.Changes);
        Field(sb, e.Reason, last: true);
        return sb.ToString();
    }

    public static string ComputeHash(string previousHash, AuditEntry e)
    {
        var bytes = Encoding.UTF8.GetBytes(previousHash + "\n" + Canonical(e));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private static void Field(StringBuilder sb, string? value, bool last = false)
    {
        if (value is null)
        {
            sb.Append('-');
        }
        else
        {
            sb.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        }

        if (!last)
        {
            sb.Append('\n');
        }
    }
}
