using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Documents.Nd30;
using PhuThoCa.Domain.Reports;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Infrastructure.Reports;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Reports;

namespace PhuThoCa.Web.Pages.Reports;

/// <summary>
/// Báo cáo tình hình quản lý, sử dụng chữ ký số chuyên dùng công vụ (QĐ-PT Điều 8.4): the figures for a period, per
/// agency and for the province, on the page and as an Excel workbook. Officers see only their own agency (ADR 0009);
/// another agency's id gives 404. A GET only reads.
/// </summary>
[Authorize(Policy = Policies.ViewReports)]
public class IndexModel(AppDbContext db, CurrentUser me, ProvinceReportQuery query, ProvinceReportComposer composer, IssueReportLetter issue) : PageModel
{
    public const string Title = "Báo cáo tình hình quản lý, sử dụng chữ ký số";

    /// <summary>The period choice: "month-11", "quarter-4", "half-2", "year" or "range" (then from and to).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public string? Choice { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "agency")]
    public int? AgencyId { get; set; }

    /// <summary>The choices of the period list, grouped by kind (value, label).</summary>
    public static IReadOnlyList<(string Group, IReadOnlyList<(string Value, string Label)> Options)> Choices { get; } =
    [
        ("Tháng", [.. Enumerable.Range(1, 12).Select(m => ("month-" + m.ToString(CultureInfo.InvariantCulture), "Tháng " + m.ToString("00", CultureInfo.InvariantCulture)))]),
        ("Quý", [.. Enumerable.Range(1, 4).Select(q => ("quarter-" + q.ToString(CultureInfo.InvariantCulture), "Quý " + ReportPeriod.Roman(q)))]),
        ("6 tháng", [("half-1", "6 tháng đầu năm"), ("half-2", "6 tháng cuối năm")]),
        ("Năm", [("year", "Cả năm")]),
        ("Đột xuất", [("range", "Từ ngày – đến ngày")]),
    ];

    public List<SelectListItem> Agencies { get; private set; } = [];

    public ReportPeriod? Period { get; private set; }

    public ProvinceReport? Report { get; private set; }

    public IReadOnlyList<ReportTable> Tables { get; private set; } = [];

    /// <summary>"Toàn tỉnh" or the agency's name.</summary>
    public string Scope { get; private set; } = "";

    public bool IsOfficer => me.IsOfficer;

    /// <summary>Công văn báo cáo already issued (every period and scope, newest first); Sở users only.</summary>
    public IReadOnlyList<IssuedReport> Issued { get; private set; } = [];

    public bool CanIssue { get; private set; }

    /// <summary>The page: the demand plan's first lines only (the whole list is in the workbook).</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct, ReportTables.DetailRowsOnPage) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Report is null)
        {
            return Page();
        }

        var bytes = ReportWorkbook.Create(Report, Tables, Scope, Format.DateTime(me.UtcNow), me.DisplayName);
        return File(bytes, ReportWorkbook.ContentType, FileBaseName() + ".xlsx");
    }

    /// <summary>The công văn báo cáo as PDF, rendered on each GET and never stored (the number is written in after signing).</summary>
    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct) =>
        await LetterAsync(letter => File(OfficialLetterRenderer.Render(letter, new LetterRenderOptions(new DateTimeOffset(me.UtcNow, TimeSpan.Zero))),
            "application/pdf", FileBaseName() + ".pdf"), ct);

    /// <summary>The same công văn as DOCX, to finish in Word.</summary>
    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct) =>
        await LetterAsync(letter => File(OfficialLetterDocx.Write(letter),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileBaseName() + ".docx"), ct);

    /// <summary>
    /// Ban hành công văn: numbers, renders and stores the PDF and DOCX of the công văn for the period and scope shown
    /// (<see cref="IssueReportLetter"/>); issuing again for the same period is a new version beside the earlier ones.
    /// </summary>
    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        if (me.IsOfficer || !await me.CanAsync(Policies.ScienceDepartment))
        {
            return Forbid();
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Report is null)
        {
            return Page();
        }

        var issued = await issue.HandleAsync(Report, AgencyId, Scope, me.Actor(), ct);
        TempData["Message"] = $"Đã ban hành công văn số {issued.Number}/{composer.Symbol} ngày {Format.Date(issued.IssuedOn)} (bản {issued.Version}).";
        return RedirectToPage(RouteValues());
    }

    /// <summary>A stored issued công văn, byte for byte as issued: <paramref name="format"/> "pdf" or "docx".</summary>
    public async Task<IActionResult> OnGetIssuedAsync(int id, string? format, CancellationToken ct)
    {
        if (me.IsOfficer)
        {
            return Forbid();
        }

        var issued = await db.IssuedReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (issued is null)
        {
            return NotFound();
        }

        var docx = format == "docx";
        var bytes = await issue.ReadAsync(issued, docx, ct);
        var name = string.Create(CultureInfo.InvariantCulture, $"cong-van-bao-cao-{issued.Number}-{issued.From:yyyyMMdd}-{issued.To:yyyyMMdd}-ban-{issued.Version}");
        return docx
            ? File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx")
            : File(bytes, "application/pdf", name + ".pdf");
    }

    private async Task<IActionResult> LetterAsync(Func<OfficialLetter, IActionResult> output, CancellationToken ct)
    {
        if (me.IsOfficer)
        {
            // The Điều 8.4 letter is Sở KH&CN's; an agency's own report to Sở (Điều 9.6) is a different document.
            return Forbid();
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        return Report is null ? Page() : output(composer.Compose(Report, new ProvinceReportDetails(null, me.Today, Scope)));
    }

    /// <summary>The query string of the download links: the same period and agency.</summary>
    public Dictionary<string, string> RouteValues() => new()
    {
        ["p"] = Choice ?? "",
        ["year"] = Year ?? "",
        ["from"] = From ?? "",
        ["to"] = To ?? "",
        ["agency"] = AgencyId?.ToString(CultureInfo.InvariantCulture) ?? "",
    };

    public string FileBaseName() => Period is null ? "bao-cao" : string.Create(CultureInfo.InvariantCulture,
        $"bao-cao-chu-ky-so-{Period.From:yyyyMMdd}-{Period.To:yyyyMMdd}");

    /// <summary>Reads the filter; false only when the agency is not one the user may see (404).</summary>
    /// <param name="ct">Cancellation.</param>
    /// <param name="planLines">The demand plan's lines to read (a preview), or null for the whole list.</param>
    private async Task<bool> LoadAsync(CancellationToken ct, int? planLines = null)
    {
        CanIssue = !me.IsOfficer && await me.CanAsync(Policies.ScienceDepartment);
        if (!me.IsOfficer)
        {
            Issued = await db.IssuedReports.AsNoTracking().OrderByDescending(r => r.Id).Take(100).ToListAsync(ct);
        }

        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortKey)
            .Select(a => new SelectListItem(a.Name, a.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct);
        if (me.IsOfficer)
        {
            // The query filter already narrows an officer to their agency; a posted id of another agency is a 404.
            if (AgencyId is { } asked && Agencies.All(a => a.Value != asked.ToString(CultureInfo.InvariantCulture)))
            {
                return false;
            }

            AgencyId = me.AgencyId;
        }
        else if (AgencyId is { } id && Agencies.All(a => a.Value != id.ToString(CultureInfo.InvariantCulture)))
        {
            return false;
        }

        // An officer without an agency (AgencyId −1) sees an empty report, never an error.
        Scope = AgencyId is { } chosen
            ? Agencies.FirstOrDefault(a => a.Value == chosen.ToString(CultureInfo.InvariantCulture))?.Text ?? ""
            : "Toàn tỉnh";
        Period = ReadPeriod();
        if (Period is null)
        {
            return true;
        }

        Report = await query.RunAsync(Period, AgencyId, me.Today, includeForecasts: true, planLines, ct);
        Tables = ReportTables.Build(Report);
        return true;
    }

    private ReportPeriod? ReadPeriod()
    {
        var today = me.Today;
        var parts = (Choice ?? "").Split('-');
        var kind = parts[0] switch
        {
            "month" => ReportPeriodKind.Month,
            "quarter" => ReportPeriodKind.Quarter,
            "half" => ReportPeriodKind.HalfYear,
            "year" => ReportPeriodKind.Year,
            "range" => ReportPeriodKind.Custom,
            _ => (ReportPeriodKind)0,
        };
        var number = parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        if (kind == 0 || Choices.SelectMany(g => g.Options).All(o => o.Value != Choice))
        {
            // Default: the quarter running today.
            (kind, number) = (ReportPeriodKind.Quarter, ((today.Month - 1) / 3) + 1);
            Choice = "quarter-" + number.ToString(CultureInfo.InvariantCulture);
        }

        if (kind == ReportPeriodKind.Custom)
        {
            if (!Format.TryParseDate(From, out var from) || from is null)
            {
                ModelState.AddModelError("from", "Nhập ngày bắt đầu theo dạng dd/MM/yyyy.");
            }

            if (!Format.TryParseDate(To, out var to) || to is null)
            {
                ModelState.AddModelError("to", "Nhập ngày kết thúc theo dạng dd/MM/yyyy.");
            }

            if (ModelState.IsValid && to < from)
            {
                ModelState.AddModelError("to", "Ngày kết thúc phải từ ngày bắt đầu trở về sau.");
            }

            return ModelState.IsValid ? ReportPeriod.Range(from!.Value, to!.Value) : null;
        }

        var year = today.Year;
        if (!string.IsNullOrWhiteSpace(Year)
            && (!int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out year) || year < 2000 || year > Format.MaxYear))
        {
            ModelState.AddModelError("year", "Năm không hợp lệ, nhập 4 chữ số (từ 2000 đến 2100).");
            return null;
        }

        Year = year.ToString(CultureInfo.InvariantCulture);
        var period = ReportPeriod.Calendar(kind, year, number);
        From = Format.Date(period.From);
        To = Format.Date(period.To);
        return period;
    }
}
