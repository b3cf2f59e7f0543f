using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using PhuThoCa.Documents.Nd30;
using QRCoder;

namespace PhuThoCa.Documents.Composers;

/// <summary>
/// Public links to a request's status page, printed as a QR code on every letter. The token is the request id and a
/// 96-bit HMAC-SHA256 of it under a server key, base64url (22 characters): the page can find the request without a
/// stored token (no schema change), and nobody can make a valid token for another id without the key.
/// </summary>
public sealed class StatusLinks
{
    private const int MacBytes = 12;
    private const string KeyFileName = "status-link.key";
    private readonly byte[] _key;

    public StatusLinks(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 16)
        {
            throw new ArgumentException("The status link key needs at least 16 bytes.", nameof(key));
        }

        _key = [.. key];
    }

    /// <summary>
    /// The key from <c>Letters:StatusKey</c> (any text of 16 characters or more) or, when empty, a random 32-byte key
    /// created once in <c>{data folder}/keys/status-link.key</c> and reused after restarts, so printed QR codes keep working.
    /// </summary>
    public static StatusLinks Create(string? configuredKey, string dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(configuredKey))
        {
            return new StatusLinks(Encoding.UTF8.GetBytes(configuredKey.Trim()));
        }

        var folder = Path.Combine(dataFolder, "keys");
        var path = Path.Combine(folder, KeyFileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(folder);
            var fresh = RandomNumberGenerator.GetBytes(32);
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(fresh)));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
        }

        return new StatusLinks(Convert.FromBase64String(File.ReadAllText(path, Encoding.ASCII).Trim()));
    }

    public string TokenFor(int requestId)
    {
        Span<byte> token = stackalloc byte[4 + MacBytes];
        BinaryPrimitives.WriteInt32BigEndian(token, requestId);
        Mac(requestId).AsSpan(0, MacBytes).CopyTo(token[4..]);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The request id of a valid token; null for anything else (the page answers 404).</summary>
    public int? RequestIdOf(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length != 22 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[16];
        int written;
        try
        {
            if (!Base64Url.TryDecodeFromChars(token, bytes, out written) || written != 4 + MacBytes)
            {
                return null;
            }
        }
        catch (FormatException)
        {
            return null; // e.g. non-zero bits in the last character
        }

        var id = BinaryPrimitives.ReadInt32BigEndian(bytes);
        return id > 0 && CryptographicOperations.FixedTimeEquals(bytes[4..], Mac(id).AsSpan(0, MacBytes)) ? id : null;
    }

    /// <summary>"https://host/Status/{token}".</summary>
    public string UrlFor(int requestId, string baseUrl) => $"{baseUrl.TrimEnd('/')}/Status/{TokenFor(requestId)}";

    /// <summary>A black-on-white PNG of the QR code (error correction M, quiet zone included).</summary>
    public static byte[] QrPng(string payload, int pixelsPerModule = 4)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    /// <summary>The QR code of the request's status page for a letter's left margin (PDF and DOCX).</summary>
    public LetterMarginImage MarginQr(int requestId, string baseUrl)
    {
        var url = UrlFor(requestId, baseUrl);
        return new LetterMarginImage(QrPng(url)) { ModulePng = QrPng(url, 1) };
    }

    private byte[] Mac(int requestId) =>
        HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"phuthoca:status:v1:{requestId.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
}
