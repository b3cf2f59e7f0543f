using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;

namespace PhuThoCa.Web.Tests.Pages.Import;

/// <summary>
/// The acceptance run: a 5,000-row subscriber register with 3 bad rows, fixed, imported, re-imported, and
/// imported again with 10 rows changed; by an agency officer through the real upload form and the background job.
/// </summary>
[Collection(ImportPortal.Collection)]
public class SubscriberImportTests(ImportPortal portal)
{
    private const int Rows = 5000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, object?> Person(int i, string position = "Chuyên viên") => new()
    {
        ["Loại thuê bao"] = "Cá nhân",
        ["Họ và tên / Tên thuê bao"] = $"Nguyễn Thị Nhập {i:D4}",
        ["Chức vụ"] = position,
        ["Số định danh cá nhân (CCCD)"] = "0991" + i.ToString("D8", CultureInfo.InvariantCulture),
        ["Ngày cấp"] = new DateTime(2022, 3, 15),
        ["Nơi cấp"] = "Cục Cảnh sát QLHC về TTXH",
        ["Ngày sinh"] = "02/09/1990",
        ["Thư điện tử công vụ"] = $"nhap{i:D4}@viettri.phutho.gov.vn",
        ["Điện thoại"] = "0912345678",
        ["Cơ quan quản lý trực tiếp"] = null,
    };

    [Fact]
    public async Task FiveThousandRows_DryRunNamesTheThreeBadRows_ThenAddsUpdatesAndSkipsExactly()
    {
        var client = await portal.CreateClientAsync("canbo.viettri", Ct);
        var rows = Enumerable.Range(1, Rows).Select(i => Person(i)).ToList();
        var good = ImportClient.Xlsx(rows);
        rows[99]["Thư điện tử công vụ"] = "nhap0100@gmail.com";         // sheet row 101
        rows[1999]["Số định danh cá nhân (CCCD)"] = "09910000200";        // sheet row 2001: 11 digits
        rows[3999]["Họ và tên / Tên thuê bao"] = null;                    // sheet row 4001
        var bad = ImportClient.Xlsx(rows);
        int Count() { using var db = portal.CreateDbContext(); return db.Subscribers.Count(s => s.Email.StartsWith("nhap") && s.Email.EndsWith("@viettri.phutho.gov.vn")); }

        var dryRun = await ImportClient.UploadAsync(client, "Subscribers", dryRun: true, Ct, ("so-thue-bao.xlsx", bad));

        Assert.Equal(0, Count());
        Assert.Equal(3, dryRun.Refused);
        Assert.Equal(
            [
                ("Dòng 101", "Thư điện tử công vụ", "nhap0100@gmail.com", "Thư điện tử công vụ phải do cơ quan nhà nước cấp (tên miền .gov.vn); không dùng gmail, yahoo, hotmail…"),
                ("Dòng 2001", "Số định danh cá nhân (CCCD)", "•••••••0200", "Số định danh cá nhân phải gồm đúng 12 chữ số."),
                ("Dòng 4001", "Họ và tên / Tên thuê bao", "", "Vui lòng nhập tên thuê bao."),
            ], dryRun.Problems);
        Assert.DoesNotContain("handler=Import", dryRun.Html, StringComparison.Ordinal);

        // The real import of the same bad file is all or nothing.
        var refused = await ImportClient.UploadAsync(client, "Subscribers", dryRun: false, Ct, ("so-thue-bao.xlsx", bad));
        Assert.Equal(3, refused.Refused);
        Assert.Equal(0, Count());

        var added = await ImportClient.UploadAsync(client, "Subscribers", dryRun: false, Ct, ("so-thue-bao.xlsx", good));
        Assert.Equal((Rows, 0, 0, 0), (added.Added, added.Updated, added.Unchanged, added.Refused));
        Assert.Equal(Rows, Count());

        var again = await ImportClient.UploadAsync(client, "Subscribers", dryRun: false, Ct, ("so-thue-bao.xlsx", good));
        Assert.Equal((0, 0, Rows, 0), (again.Added, again.Updated, again.Unchanged, again.Refused));

        var changed = Enumerable.Range(1, Rows).Select(i => Person(i, i % 500 == 0 ? "Phó Trưởng phòng" : "Chuyên viên")).ToList();
        var updated = await ImportClient.UploadAsync(client, "Subscribers", dryRun: false, Ct, ("so-thue-bao.xlsx", ImportClient.Xlsx(changed)));
        Assert.Equal((0, 10, Rows - 10, 0), (updated.Added, updated.Updated, updated.Unchanged, updated.Refused));

        await using var check = portal.CreateDbContext();
        var promoted = await check.Subscribers.Where(s => s.Position == "Phó Trưởng phòng" && s.Email.StartsWith("nhap")).Select(s => s.Id).ToListAsync(Ct);
        Assert.Equal(10, promoted.Count);
        var history = await check.TimelineEvents.Where(e => e.Subject == TimelineSubject.Subscriber && promoted.Contains(e.SubjectId)).ToListAsync(Ct);
        Assert.Equal(10, history.Count(e => e.Action == "Cập nhật từ tệp" && e.Note!.Contains("Chức vụ: “Chuyên viên” → “Phó Trưởng phòng”", StringComparison.Ordinal)));
        Assert.Equal(10, history.Count(e => e.Action == "Nhập từ tệp" && e.ActorName == "Bùi Thị Hương"));
        var agency = await check.Agencies.Where(a => a.Name == "UBND phường Việt Trì").Select(a => a.Id).SingleAsync(Ct);
        Assert.True(await check.Subscribers.Where(s => s.Email.StartsWith("nhap")).AllAsync(s => s.AgencyId == agency, Ct));
    }
}
