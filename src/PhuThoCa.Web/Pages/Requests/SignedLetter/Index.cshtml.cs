using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Signatures;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Infrastructure.Signatures;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Pages.Signatures;

namespace PhuThoCa.Web.Pages.Requests.SignedLetter;

/// <summary>
/// The stored verification report of a request's signed letter, printable, with every earlier check; Sở staff and
/// leaders acknowledge a signer mismatch here with a reason (audited). Agency scope through the query filters (404).
/// </summary>
public class IndexModel(AppDbContext db, CurrentUser me) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    public int RequestId { get; private set; }

    public string Title { get; private set; } = "";

    public SignedLetterCheck? Latest { get; private set; }

    public SignatureReportView? Report { get; private set; }

    public List<SignedLetterCheck> Earlier { get; private set; } = [];

    public bool CanAcknowledge => Latest is { SignerMatches: false, MismatchAcknowledgement: null } && IsScienceDepartmentUser;

    private bool IsScienceDepartmentUser { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcknowledgeAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanAcknowledge)
        {
            return Forbid();
        }

        var reason = Text.Clean(Reason);
        if (reason.Length == 0)
        {
            ModelState.AddModelError(nameof(Reason), "Vui lòng nhập lý do chấp nhận người ký.");
            return Page();
        }

        if (reason.Length > SignedLetterCheck.AcknowledgementMaxLength)
        {
            ModelState.AddModelError(nameof(Reason), $"Lý do không được dài quá {SignedLetterCheck.AcknowledgementMaxLength} ký tự.");
            return Page();
        }

        var check = await db.SignedLetterChecks.FirstAsync(c => c.Id == Latest!.Id, ct);
        var actor = me.Actor();
        check.AcknowledgeMismatch(reason, actor);
        db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.Request, id, actor.AtUtc, actor.DisplayName,
            "Xác nhận người ký công văn không thuộc cơ quan đề nghị", note: reason));
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = "Đã ghi nhận xác nhận của Sở về người ký.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        IsScienceDepartmentUser = await me.CanAsync(Policies.ScienceDepartment);
        var request = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return false;
        }

        RequestId = id;
        Title = request.ReceiptNumber ?? $"Yêu cầu #{id}";
        var checks = await db.SignedLetterChecks.AsNoTracking().Where(c => c.RequestId == id).OrderByDescending(c => c.Id).ToListAsync(ct);
        Latest = checks.FirstOrDefault();
        Earlier = checks.Skip(1).ToList();
        Report = Latest is not null && SignedLetterService.Read(Latest) is { } stored ? SignatureReportView.Of(stored) : null;
        return true;
    }
}
