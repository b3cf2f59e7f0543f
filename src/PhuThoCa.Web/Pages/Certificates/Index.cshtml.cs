using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Certificates;

public class IndexModel(AppDbContext db, CurrentUser me) : RegisterListModel<IndexModel.Row>(db, me)
{
    [BindProperty(SupportsGet = true, Name = "status")]
    public CertificateStatus? Status { get; set; }

    /// <summary>Largest "expiring within" filter honoured (ten years); larger values are ignored.</summary>
    public const int MaxExpiryDays = 3650;

    /// <summary>Only valid certificates expiring within this many days.</summary>
    [BindProperty(SupportsGet = true, Name = "expiry")]
    public int? ExpiryDays { get; set; }

    public DateOnly Today => Me.Today;

    public DateTime NowUtc => Me.UtcNow;

    protected override void AddFilterValues(IDictionary<string, string?> values)
    {
        values["status"] = Status?.ToString();
        values["expiry"] = ExpiryDays?.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The whole filtered list as Excel, or as CSV with <c>format=csv</c>.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var rows = await FilteredRows().ToListAsync(ct);
        var now = Me.UtcNow;
        return ListExport.Create(format, "chung-thu-so", "Chứng thư số", [("Từ khóa", Query), ("Trạng thái", Status is null ? null : CertificateLabels.Status(Status.Value)),
            ("Hết hạn trong (ngày)", ExpiryDays?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Cơ quan", await AgencyFilterNameAsync(ct))],
            [new("Số hiệu", Width: 42), new("Thuê bao", Width: 30), new("Cơ quan", Width: 40), new("Hiệu lực từ", CellKind.Date, 13),
                new("Hiệu lực đến", CellKind.Date, 13), new("Trạng thái", Width: 16), new("Đã gia hạn", Width: 11), new("Thiết bị", Width: 22)],
            rows.Select(r => new object?[]
            {
                r.Serial, r.SubscriberName, r.AgencyName, r.NotBeforeUtc, r.NotAfterUtc,
                CertificateLabels.Status(r.Status == CertificateStatus.Valid && r.NotAfterUtc <= now ? CertificateStatus.Expired : r.Status),
                r.RenewalCount > 0 ? "Có" : "", r.TokenSerial,
            }), Me);
    }

    protected override IQueryable<Row> FilteredRows()
    {
        var now = Me.UtcNow;
        var query = Db.Certificates.AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            // A part of the serial anywhere (4 hex digits at least) or the holder's name: ids from TextSearch (the trigram
            // index on SQLite), the certificates themselves from the scoped DbSet.
            var serial = Certificate.NormalizeSerial(Query);
            var holders = Db.SubscribersWhoseSearchKeyContains(Text.Fold(Query.Trim()));
            if (serial.Length >= 4)
            {
                var serials = Db.CertificatesWhoseSerialContains(serial);
                query = query.Where(c => serials.Contains(c.Id) || holders.Contains(c.SubscriberId));
            }
            else
            {
                query = query.Where(c => holders.Contains(c.SubscriberId));
            }
        }

        query = Status switch
        {
            CertificateStatus.Valid => query.Where(c => c.Status == CertificateStatus.Valid && c.NotAfterUtc > now),
            CertificateStatus.Expired => query.Where(c => c.Status == CertificateStatus.Valid && c.NotAfterUtc <= now),
            CertificateStatus.Revoked => query.Where(c => c.Status == CertificateStatus.Revoked),
            CertificateStatus.Superseded => query.Where(c => c.Status == CertificateStatus.Superseded),
            _ => query,
        };

        if (ExpiryDays is int days and > 0 and <= MaxExpiryDays)
        {
            var limit = now.AddDays(days);
            query = query.Where(c => c.Status == CertificateStatus.Valid && c.NotAfterUtc > now && c.NotAfterUtc <= limit);
        }

        if (AgencyId is not null)
        {
            query = query.Where(c => c.Subscriber!.AgencyId == AgencyId);
        }

        query = Sort switch
        {
            "expiry_desc" => query.OrderByDescending(c => c.NotAfterUtc),
            "serial" => query.OrderBy(c => c.SerialNumber),
            "subscriber" => query.OrderBy(c => c.Subscriber!.SortKey),
            _ => query.OrderBy(c => c.NotAfterUtc),
        };

        return query.Select(c => new Row(c.Id, c.SerialNumber, c.SubscriberId, c.Subscriber!.Name,
            c.Subscriber.Agency!.Name, c.NotBeforeUtc, c.NotAfterUtc, c.Status, c.RenewalCount, c.Token != null ? c.Token.SerialNumber : null));
    }

    public sealed record Row(int Id, string Serial, int SubscriberId, string SubscriberName, string AgencyName, DateTime NotBeforeUtc,
        DateTime NotAfterUtc, CertificateStatus Status, int RenewalCount, string? TokenSerial);
}
