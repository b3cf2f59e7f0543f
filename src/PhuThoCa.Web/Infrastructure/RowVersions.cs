namespace PhuThoCa.Web.Infrastructure;

/// <summary>The RowVersion a form was rendered with, posted back as base64 (optimistic concurrency, docs/adr/0004).</summary>
public static class RowVersions
{
    public static string Text(byte[] version) => Convert.ToBase64String(version);

    public static byte[] Parse(string posted) => Convert.FromBase64String(posted);

    /// <summary>True when <paramref name="posted"/> is the base64 of <paramref name="current"/>; false when missing or malformed.</summary>
    public static bool Same(string? posted, byte[] current)
    {
        if (string.IsNullOrEmpty(posted))
        {
            return false;
        }

        try
        {
            return Convert.FromBase64String(posted).AsSpan().SequenceEqual(current);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
