using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Files;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Pages.Certificates;

namespace PhuThoCa.Web.Pages.Tokens;

/// <summary>Biên bản bàn giao thiết bị lưu khóa bí mật (QĐ-PT Điều 7.1b, 9.2).</summary>
[Authorize(Policy = Policies.EditRegisters)]
public class HandoverModel(AppDbContext db, CurrentUser me, IValidator<HandoverModel.InputModel> validator, FileStore files) : PageModel, IDomainRuleFields
{
    public string? FieldFor(string rule) => rule switch
    {
        PhuThoCa.Domain.Tokens.TokenRules.HandoverPermissionNeedsNumberAndDate => "Input.PermissionNumber",
        PhuThoCa.Domain.Tokens.TokenRules.HandoverPermissionPrecedesTheHandover => "Input.PermissionDate",
        _ => null,
    };

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Optional scan of the signed minute.</summary>
    [BindProperty]
    public IFormFile? Scan { get; set; }

    public UsbToken Token { get; private set; } = null!;

    public List<PickItem> Subscribers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input.Date = Format.Date(me.Today);
        Input.GiverName = Token.CustodianName ?? me.DisplayName;
        Input.GiverUnit = Token.Agency?.Name;
        Input.ReceiverUnit = Token.Agency?.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken: ct))
        {
            return Page();
        }

        if (Input.ReceiverSubscriberId is int sid && Subscribers.All(s => s.Id != sid))
        {
            ModelState.AddModelError("Input.ReceiverSubscriberId", "Thuê bao nhận phải thuộc cùng cơ quan với thiết bị.");
            return Page();
        }

        StoredFile? scan = null;
        if (Scan is not null)
        {
            await using var stream = Scan.OpenReadStream();
            (scan, var error) = await files.SaveAsync(stream, Scan.FileName, Scan.Length, ct);
            if (error is not null)
            {
                ModelState.AddModelError(nameof(Scan), error);
                return Page();
            }
        }

        var token = await db.Tokens.FirstAsync(t => t.Id == id, ct);
        var from = TokenTransitions.Label(token.Status);
        var record = token.HandOver(new TokenHandoverDetails(Format.ParseDate(Input.Date)!.Value, Input.GiverName!, Input.GiverPosition,
            Input.ReceiverName!, Input.ReceiverPosition, Input.ReceiverSubscriberId, Input.Reason!, Input.Condition, Input.GiverUnit,
            Input.ReceiverUnit, Input.PermissionNumber, Format.ParseDate(Input.PermissionDate)), me.Actor());
        if (scan is not null)
        {
            record.AttachScan(scan.Key, scan.FileName);
        }

        db.TokenHandovers.Add(record);
        db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.Token, id, me.UtcNow, me.DisplayName, "Bàn giao thiết bị", from,
            TokenTransitions.Label(token.Status), $"{record.GiverName} → {record.ReceiverName}: {record.Reason}"));
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = $"Đã lập biên bản bàn giao thiết bị {token.SerialNumber} cho {record.ReceiverName}.";
        return RedirectToPage("Details", new { id });
    }

    /// <summary>Downloads the scanned minute; the token query filter keeps other agencies' scans out of reach (404).</summary>
    public async Task<IActionResult> OnGetScanAsync(int id, int handoverId, CancellationToken ct)
    {
        var handover = await db.TokenHandovers.AsNoTracking().FirstOrDefaultAsync(h => h.Id == handoverId && h.TokenId == id, ct);
        if (handover?.AttachmentKey is null || !await db.Tokens.AnyAsync(t => t.Id == id, ct))
        {
            return NotFound();
        }

        var stream = files.Open(handover.AttachmentKey);
        if (stream is null)
        {
            return NotFound();
        }

        return File(stream, FileStore.ContentTypeOf(handover.AttachmentFileName!), handover.AttachmentFileName);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var token = await db.Tokens.AsNoTracking().Include(t => t.Agency).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (token is null)
        {
            return false;
        }

        Token = token;
        Subscribers = await db.Subscribers.AsNoTracking().Where(s => s.AgencyId == token.AgencyId && s.IsActive)
            .OrderBy(s => s.SortKey).Select(s => new PickItem(s.Id, s.Name, "")).ToListAsync(ct);
        return true;
    }

    public sealed class InputModel
    {
        public string? Date { get; set; }

        public string? GiverName { get; set; }

        public string? GiverPosition { get; set; }

        public string? ReceiverName { get; set; }

        public string? ReceiverPosition { get; set; }

        public int? ReceiverSubscriberId { get; set; }

        public string? Reason { get; set; }

        public string? Condition { get; set; }

        public string? GiverUnit { get; set; }

        public string? ReceiverUnit { get; set; }

        public string? PermissionNumber { get; set; }

        public string? PermissionDate { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(x => x.Date).NotEmpty().WithMessage("Vui lòng nhập ngày bàn giao.")
                .Must(d => Format.ParseDate(d) is not null).When(x => !string.IsNullOrWhiteSpace(x.Date), ApplyConditionTo.CurrentValidator)
                .WithMessage("Ngày bàn giao phải có dạng dd/MM/yyyy.");
            RuleFor(x => x.GiverName).NotEmpty().WithMessage("Vui lòng nhập họ tên bên giao.");
            RuleFor(x => x.ReceiverName).NotEmpty().WithMessage("Vui lòng nhập họ tên bên nhận.");
            RuleFor(x => x.Reason).NotEmpty().WithMessage("Vui lòng nêu lý do bàn giao.");
            RuleFor(x => x.PermissionDate).Must(d => Format.TryParseDate(d, out _)).WithMessage("Ngày văn bản cho phép phải có dạng dd/MM/yyyy.");
            RuleFor(x => x.GiverUnit).MaximumLength(300).WithMessage("Đơn vị không được dài quá 300 ký tự.");
            RuleFor(x => x.ReceiverUnit).MaximumLength(300).WithMessage("Đơn vị không được dài quá 300 ký tự.");
            RuleFor(x => x.PermissionNumber).MaximumLength(50).WithMessage("Số văn bản không được dài quá 50 ký tự.");
        }
    }
}
