namespace PhuThoCa.Infrastructure.Files;

/// <summary>A file type accepted as an attachment, recognised by its content (magic bytes), never by its name.</summary>
public enum AttachmentKind
{
    Pdf,
    Png,
    Jpeg,
}

public sealed record StoredFile(string Key, string FileName, AttachmentKind Kind, long Length);

/// <summary>
/// Stores uploaded files (signed letters, scanned minutes) in the data folder, outside the web root, under random keys.
/// Only PDF, PNG and JPEG are accepted, checked by content; names are reduced to a safe form for download.
/// </summary>
public sealed class FileStore(string rootFolder)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];

    public static string ContentType(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Pdf => "application/pdf",
        AttachmentKind.Png => "image/png",
        AttachmentKind.Jpeg => "image/jpeg",
        _ => "application/octet-stream",
    };

    /// <summary>Content type of a stored file, from the extension <see cref="SafeFileName"/> gave it.</summary>
    public static string ContentTypeOf(string safeFileName) => Path.GetExtension(safeFileName) switch
    {
        ".pdf" => ContentType(AttachmentKind.Pdf),
        ".png" => ContentType(AttachmentKind.Png),
        ".jpg" => ContentType(AttachmentKind.Jpeg),
        _ => "application/octet-stream",
    };

    public static AttachmentKind? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PdfMagic))
        {
            return AttachmentKind.Pdf;
        }

        if (head.StartsWith(PngMagic))
        {
            return AttachmentKind.Png;
        }

        return head.StartsWith(JpegMagic) ? AttachmentKind.Jpeg : null;
    }

    /// <summary>Keeps letters (incl. Vietnamese), digits, space, dot, dash and underscore; never a path.</summary>
    public static string SafeFileName(string? name, AttachmentKind kind)
    {
        var baseName = Path.GetFileNameWithoutExtension(Path.GetFileName((name ?? "").Replace('\\', '/')));
        var cleaned = new string(baseName.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.').ToArray()).Trim(' ', '.');
        if (cleaned.Length == 0)
        {
            cleaned = "tep-dinh-kem";
        }

        if (cleaned.Length > 100)
        {
            cleaned = cleaned[..100];
        }

        var extension = kind switch
        {
            AttachmentKind.Pdf => ".pdf",
            AttachmentKind.Png => ".png",
            _ => ".jpg",
        };
        return cleaned + extension;
    }

    /// <summary>Saves the stream if it is an accepted type within the size limit; returns a Vietnamese error otherwise.</summary>
    public async Task<(StoredFile? File, string? Error)> SaveAsync(Stream content, string? originalName, long length, CancellationToken ct)
    {
        if (length <= 0)
        {
            return (null, "Tệp đính kèm rỗng.");
        }

        if (length > MaxBytes)
        {
            return (null, $"Tệp đính kèm không được lớn hơn {MaxBytes / 1024 / 1024} MB.");
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var kind = Detect(bytes.AsSpan(0, Math.Min(bytes.Length, 16)));
        if (kind is null)
        {
            return (null, "Chỉ chấp nhận tệp PDF, PNG hoặc JPEG (kiểm tra theo nội dung tệp).");
        }

        var key = Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(rootFolder);
        await File.WriteAllBytesAsync(Path.Combine(rootFolder, key), bytes, ct);
        return (new StoredFile(key, SafeFileName(originalName, kind.Value), kind.Value, bytes.Length), null);
    }

    /// <summary>
    /// Stores a document the portal generated itself (e.g. the DOCX of an issued report, which is not an accepted upload
    /// type): no type check, a random key; returns the key.
    /// </summary>
    public async Task<string> SaveGeneratedAsync(byte[] bytes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var key = Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(rootFolder);
        await File.WriteAllBytesAsync(Path.Combine(rootFolder, key), bytes, ct);
        return key;
    }

    public Stream? Open(string key)
    {
        if (key.Length != 32 || !key.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        var path = Path.Combine(rootFolder, key);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    /// <summary>
    /// The stored bytes, checked against the SHA-256 recorded when they were saved; null when the file is missing.
    /// A mismatch (the file was changed or damaged on disk) throws <see cref="StoredFileIntegrityException"/>.
    /// </summary>
    public async Task<byte[]?> ReadVerifiedAsync(string key, string sha256, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        await using var stream = Open(key);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        return string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase) ? bytes : throw new StoredFileIntegrityException(key, sha256, actual);
    }
}

/// <summary>A stored file whose bytes no longer match the SHA-256 recorded when it was saved.</summary>
public sealed class StoredFileIntegrityException(string key, string expectedSha256, string actualSha256)
    : Exception($"The stored file {key} does not match its recorded SHA-256 (expected {expectedSha256}, found {actualSha256}).")
{
    public string Key { get; } = key;

    public string ExpectedSha256 { get; } = expectedSha256;

    public string ActualSha256 { get; } = actualSha256;
}
