using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Signatures;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Signatures;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Admin.TrustList;

/// <summary>
/// The trust list for signed letters (issue 16): government CA roots and intermediates uploaded as .cer/.crt/.pem/.p7b,
/// each with a name, and CRLs. Administrators only (the /Admin folder policy). Every change is audited; nothing is ever
/// fetched from the network.
/// </summary>
public class IndexModel(AppDbContext db, CurrentUser me) : PageModel
{
    public const long MaxBytes = 2 * 1024 * 1024;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public IFormFile? CertificateFile { get; set; }

    [BindProperty]
    public IFormFile? CrlFile { get; set; }

    public List<TrustListEntry> Entries { get; private set; } = [];

    public List<RevocationListFile> Crls { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCertificateAsync(CancellationToken ct)
    {
        var name = Text.Clean(Name);
        if (name.Length == 0)
        {
            ModelState.AddModelError(nameof(Name), "Vui lòng nhập tên chứng thư (ví dụ: Root CA chuyên dùng Chính phủ).");
        }
        else if (name.Length > TrustListEntry.NameMaxLength)
        {
            ModelState.AddModelError(nameof(Name), $"Tên không được dài quá {TrustListEntry.NameMaxLength} ký tự.");
        }

        var bytes = await ReadAsync(CertificateFile, nameof(CertificateFile), ct);
        var certificates = bytes is null ? [] : ParseCertificates(bytes);
        if (bytes is not null && certificates.Count == 0)
        {
            ModelState.AddModelError(nameof(CertificateFile), "Không đọc được chứng thư trong tệp (cần tệp .cer, .crt, .pem hoặc .p7b).");
        }

        var nonCa = certificates.FirstOrDefault(c => c.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is not { CertificateAuthority: true });
        if (nonCa is not null)
        {
            ModelState.AddModelError(nameof(CertificateFile),
                $"“{CertificateNames.Summarize(nonCa).CommonName}” không phải chứng thư của tổ chức cấp (CA); danh sách tin cậy chỉ gồm chứng thư gốc và trung gian.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var actor = me.Actor();
        var added = new List<TrustListEntry>();
        foreach (var certificate in certificates)
        {
            var summary = CertificateNames.Summarize(certificate);
            if (await db.TrustList.AnyAsync(e => e.IsActive && e.Sha256 == summary.Sha256Thumbprint, ct))
            {
                continue;
            }

            var isRoot = certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);
            var entryName = certificates.Count == 1 ? name : $"{name} — {summary.CommonName ?? summary.Subject}";
            var entry = new TrustListEntry(entryName.Length > TrustListEntry.NameMaxLength ? entryName[..TrustListEntry.NameMaxLength] : entryName,
                isRoot ? TrustListKind.Root : TrustListKind.Intermediate, summary.Subject, summary.Issuer, summary.SerialNumber,
                summary.Sha256Thumbprint, summary.NotBefore.UtcDateTime, summary.NotAfter.UtcDateTime, certificate.RawData, actor);
            db.TrustList.Add(entry);
            added.Add(entry);
        }

        if (added.Count == 0)
        {
            ModelState.AddModelError(nameof(CertificateFile), "Các chứng thư trong tệp đã có trong danh sách tin cậy.");
            await LoadAsync(ct);
            return Page();
        }

        await db.SaveChangesAsync(ct);
        foreach (var entry in added)
        {
            db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.TrustList, entry.Id, actor.AtUtc, actor.DisplayName,
                "Thêm chứng thư vào danh sách tin cậy", note: $"{entry.Name} ({Kind(entry.Kind)}; SHA-256 {entry.Sha256})"));
        }

        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = $"Đã thêm {added.Count} chứng thư vào danh sách tin cậy.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCrlAsync(CancellationToken ct)
    {
        var bytes = await ReadAsync(CrlFile, nameof(CrlFile), ct);
        var crl = bytes is null ? null : RevocationLists.Describe(bytes);
        if (bytes is not null && crl is null)
        {
            ModelState.AddModelError(nameof(CrlFile), "Tệp không phải danh sách chứng thư bị thu hồi (CRL) hợp lệ.");
        }

        if (!ModelState.IsValid || crl is null)
        {
            await LoadAsync(ct);
            return Page();
        }

        var sha = Convert.ToHexString(SHA256.HashData(crl.Encoded));
        if (await db.RevocationLists.AnyAsync(c => c.IsActive && c.Sha256 == sha, ct))
        {
            ModelState.AddModelError(nameof(CrlFile), "CRL này đã có trong danh sách.");
            await LoadAsync(ct);
            return Page();
        }

        var actor = me.Actor();
        var row = new RevocationListFile(crl.Issuer, crl.ThisUpdate.UtcDateTime, crl.NextUpdate?.UtcDateTime, crl.RevokedCount, sha, crl.Encoded, actor);
        db.RevocationLists.Add(row);
        await db.SaveChangesAsync(ct);
        db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.TrustList, row.Id, actor.AtUtc, actor.DisplayName, "Thêm CRL",
            note: $"{crl.Issuer}; {crl.RevokedCount} chứng thư bị thu hồi; cập nhật {VietnamTime.DateText(row.ThisUpdateUtc)}"));
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = "Đã thêm danh sách chứng thư bị thu hồi (CRL).";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        var entry = await db.TrustList.FirstOrDefaultAsync(e => e.Id == id && e.IsActive, ct);
        if (entry is null)
        {
            return NotFound();
        }

        var actor = me.Actor();
        entry.Remove(actor);
        db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.TrustList, entry.Id, actor.AtUtc, actor.DisplayName,
            "Gỡ chứng thư khỏi danh sách tin cậy", note: entry.Name));
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = $"Đã gỡ “{entry.Name}” khỏi danh sách tin cậy.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveCrlAsync(int id, CancellationToken ct)
    {
        var crl = await db.RevocationLists.FirstOrDefaultAsync(c => c.Id == id && c.IsActive, ct);
        if (crl is null)
        {
            return NotFound();
        }

        var actor = me.Actor();
        crl.Remove(actor);
        db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.TrustList, crl.Id, actor.AtUtc, actor.DisplayName, "Gỡ CRL", note: crl.Issuer));
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = "Đã gỡ CRL.";
        return RedirectToPage();
    }

    public static string Kind(TrustListKind kind) => kind == TrustListKind.Root ? "Chứng thư gốc" : "Chứng thư trung gian";

    /// <summary>DER or PEM certificates, or a PKCS#7 bundle (.p7b, DER or PEM) read with the platform's SignedCms.</summary>
    public static List<X509Certificate2> ParseCertificates(byte[] bytes)
    {
        var text = Encoding.ASCII.GetString(bytes);
        try
        {
            if (text.Contains("-----BEGIN PKCS7-----", StringComparison.Ordinal))
            {
                var base64 = text.Split("-----BEGIN PKCS7-----")[1].Split("-----END PKCS7-----")[0];
                return Bundle(Convert.FromBase64String(base64));
            }

            if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                var collection = new X509Certificate2Collection();
                collection.ImportFromPem(text);
                return [.. collection];
            }

            try
            {
                return [X509CertificateLoader.LoadCertificate(bytes)];
            }
            catch (CryptographicException)
            {
                return Bundle(bytes);
            }
        }
        catch (Exception e) when (e is CryptographicException or FormatException or IndexOutOfRangeException)
        {
            return [];
        }
    }

    private static List<X509Certificate2> Bundle(byte[] der)
    {
        var cms = new SignedCms();
        cms.Decode(der);
        return [.. cms.Certificates];
    }

    private async Task<byte[]?> ReadAsync(IFormFile? file, string field, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(field, "Vui lòng chọn tệp.");
            return null;
        }

        if (file.Length > MaxBytes)
        {
            ModelState.AddModelError(field, "Tệp không được lớn hơn 2 MB.");
            return null;
        }

        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream())
        {
            await stream.CopyToAsync(buffer, ct);
        }

        return buffer.ToArray();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Entries = await db.TrustList.AsNoTracking().OrderByDescending(e => e.IsActive).ThenBy(e => e.Kind).ThenBy(e => e.Name).ToListAsync(ct);
        Crls = await db.RevocationLists.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Issuer).ToListAsync(ct);
    }
}
