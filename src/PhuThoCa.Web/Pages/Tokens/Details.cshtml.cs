using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Pages.Requests;

namespace PhuThoCa.Web.Pages.Tokens;

public class DetailsModel(AppDbContext db, CurrentUser me, IValidator<DetailsModel.StatusInput> validator) : PageModel
{
    [BindProperty]
    public StatusInput Input { get; set; } = new();

    public UsbToken Token { get; private set; } = null!;

    public List<Certificate> Certificates { get; private set; } = [];

    public List<TokenHandover> Handovers { get; private set; } = [];

    public List<TimelineEvent> History { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public RelatedRequestsView Related { get; private set; } = null!;

    /// <summary>An officer of the token's agency may file the recovery request (Mẫu 06) for a locked token.</summary>
    public bool CanFileRequests { get; private set; }

    /// <summary>Judged once per request by the named policy, before any handler runs.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        CanEdit = await me.CanAsync(Policies.EditRegisters);
        CanFileRequests = me.IsOfficer && await me.CanAsync(Policies.FileRequests);
        await base.OnPageHandlerExecutionAsync(context, next);
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostChangeStatusAsync(int id, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken: ct))
        {
            return Page();
        }

        var tracked = await db.Tokens.FirstAsync(t => t.Id == id, ct);
        var from = TokenTransitions.Label(tracked.Status);
        db.TimelineEvents.Add(tracked.ChangeStatus(Input.Status!.Value, Input.Reason!, me.Actor()));
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = $"Đã chuyển thiết bị {tracked.SerialNumber} từ “{from}” sang “{TokenTransitions.Label(tracked.Status)}”.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var token = await db.Tokens.AsNoTracking().Include(t => t.Agency).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (token is null)
        {
            return false;
        }

        Token = token;
        Certificates = await db.Certificates.AsNoTracking().Include(c => c.Subscriber).Where(c => c.TokenId == id).ToListAsync(ct);
        Handovers = await db.TokenHandovers.AsNoTracking().Where(h => h.TokenId == id).OrderByDescending(h => h.Date).ThenByDescending(h => h.Id).ToListAsync(ct);
        History = await db.TimelineEvents.AsNoTracking().Where(e => e.Subject == TimelineSubject.Token && e.SubjectId == id)
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).ToListAsync(ct);
        var related = await RelatedRequests.ForTokenAsync(db, id, ct);
        var next = NextRequests.ForToken(token, related.Where(r => r.IsOpen).Select(r => r.Ref));
        Related = new RelatedRequestsView(related, [next], CanFileRequests && token.AgencyId == me.AgencyId, "token", id);
        return true;
    }

    public sealed class StatusInput
    {
        public TokenStatus? Status { get; set; }

        public string? Reason { get; set; }
    }

    public sealed class StatusInputValidator : AbstractValidator<StatusInput>
    {
        public StatusInputValidator()
        {
            RuleFor(x => x.Status).NotNull().WithMessage("Vui lòng chọn trạng thái mới.")
                .IsInEnum().WithMessage("Trạng thái không hợp lệ.");
            RuleFor(x => x.Reason).NotEmpty().WithMessage("Vui lòng nêu lý do thay đổi trạng thái.")
                .MaximumLength(1000).WithMessage("Lý do không được dài quá 1000 ký tự.");
        }
    }
}
