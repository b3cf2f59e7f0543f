using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Web.Infrastructure;
using DomainRequest = PhuThoCa.Domain.Requests.Request;

namespace PhuThoCa.Web.Pages.Requests.Edit;

/// <summary>
/// The editor is one form (ADR 0025): every button posts the letter and Mục 1 as typed, and each handler saves them
/// (through <see cref="DomainRequest.UpdateLetter"/> / <see cref="DomainRequest.UpdateContact"/>) with its own action, so
/// nothing typed is lost. A section whose typed values are refused is not saved, keeps what was typed and shows its
/// messages; the other sections and the action are still saved and the status message says which.
/// </summary>
public partial class DraftEditorModel
{
    private const string LetterSection = "văn bản đề nghị";

    private const string ContactSection = "Mục 1";

    /// <summary>"Điền sẵn từ yêu cầu … ngày …" when an empty Mục 1 shows the values of the agency's last request.</summary>
    public string? ContactPrefilledFrom { get; private set; }

    /// <summary>The sections a post saved or refused (the editor's typed sections, not the line lists).</summary>
    private sealed class TypedSections
    {
        public List<string> Saved { get; } = [];

        public List<string> Refused { get; } = [];

        /// <summary>" Đã lưu kèm: văn bản đề nghị, Mục 1." (empty when nothing else was saved).</summary>
        public string SavedWith(string? except = null)
        {
            var others = Saved.Where(s => s != except).ToList();
            return others.Count == 0 ? "" : " Đã lưu kèm " + string.Join(" và ", others) + ".";
        }
    }

    /// <summary>"Lưu bản nháp" (and the buttons that save before leaving the editor): letter and Mục 1 together.</summary>
    public async Task<IActionResult> OnPostDraftAsync(int id, int? cert, string? next, CancellationToken ct)
    {
        if (!await LoadAsync(id, cert, null, ct))
        {
            return NotFound();
        }

        if (!IsEditable)
        {
            return RedirectToPage(null, null, new { id = Req.Id }, null);
        }

        var typed = await ApplyTypedAsync(null, ct);
        if (typed.Refused.Count > 0)
        {
            return await RefusedAsync(typed, ct);
        }

        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = typed.Saved.Count == 0
            ? "Bản nháp không có thay đổi nào cần lưu."
            : "Đã lưu bản nháp: " + string.Join(" và ", typed.Saved) + ".";
        if (next == "preview")
        {
            return Redirect("/Letters/Preview/" + Req.Id.ToString(CultureInfo.InvariantCulture));
        }

        return cert is { } selected
            ? RedirectToPage(null, null, new { id = Req.Id, cert = selected }, "line-form")
            : RedirectToPage(null, null, new { id = Req.Id }, null);
    }

    /// <summary>
    /// Applies the letter and Mục 1 as posted to the tracked request (not saved yet). A section the post does not carry is
    /// left as saved. <paramref name="own"/> is the section whose own button was pressed: it must be complete; the others
    /// may be left partly empty (a draft), only values typed wrong are refused.
    /// </summary>
    private async Task<TypedSections> ApplyTypedAsync(string? own, CancellationToken ct)
    {
        var typed = new TypedSections();
        if (!IsEditable)
        {
            return typed;
        }

        if (Posted(nameof(Letter)) || own == nameof(Letter))
        {
            if (!await SectionValidAsync(letterValidator, Letter, nameof(Letter), complete: own == nameof(Letter), ct))
            {
                typed.Refused.Add(LetterSection);
            }
            else if (Req.UpdateLetter(Letter.ToLetter()))
            {
                typed.Saved.Add(LetterSection);
            }
        }

        if (Posted(nameof(Contact)) || own == nameof(Contact))
        {
            Contact.Layout = ContactForm;
            if (!await SectionValidAsync(contactValidator, Contact, nameof(Contact), complete: own == nameof(Contact), ct))
            {
                typed.Refused.Add(ContactSection);
            }
            else if (Req.UpdateContact(Contact.ToContact(ContactForm)))
            {
                typed.Saved.Add(ContactSection);
            }
        }

        return typed;
    }

    /// <summary>
    /// Validates one section into ModelState under <paramref name="prefix"/>. When not <paramref name="complete"/>, a field
    /// left empty is no error (the request is completed before it is sent, and the send checks it).
    /// </summary>
    private async Task<bool> SectionValidAsync<T>(IValidator<T> validator, T input, string prefix, bool complete, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(input, ct);
        var valid = true;
        foreach (var error in result.Errors)
        {
            if (!complete && (error.AttemptedValue is null || error.AttemptedValue is string typed && string.IsNullOrWhiteSpace(typed)))
            {
                continue;
            }

            ModelState.AddModelError($"{prefix}.{error.PropertyName}", error.ErrorMessage);
            valid = false;
        }

        // Values the binder could not read (none today: the sections bind strings) count as refusals too.
        return valid && !ModelState.Any(e => e.Key.StartsWith(prefix + ".", StringComparison.Ordinal) && e.Value!.Errors.Count > 0);
    }

    /// <summary>A line or section refused: saves the sections that were valid, and shows the page with what was typed.</summary>
    private async Task<IActionResult> RefusedAsync(TypedSections typed, CancellationToken ct)
    {
        if (typed.Saved.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            await LoadCandidatesAsync(Selected?.Certificate.Id, ct);
        }

        var saved = typed.Saved.Count == 0 ? "" : "Đã lưu " + string.Join(" và ", typed.Saved) + ". ";
        var refused = typed.Refused.Count == 0 ? "" : "Chưa lưu " + string.Join(" và ", typed.Refused) + ": xem các trường đánh dấu đỏ.";
        if (saved.Length + refused.Length > 0)
        {
            TempData["StatusMessage"] = (saved + refused).Trim();
        }

        return Page();
    }

    /// <summary>The post carries the fields of a section (a browser posts them all with every button of the editor).</summary>
    private bool Posted(string prefix) =>
        Request.HasFormContentType && Request.Form.Keys.Any(k => k.StartsWith(prefix + ".", StringComparison.Ordinal));

    /// <summary>
    /// What an empty section of an editable request shows: the letter date of a new draft is today; an empty Mục 1 takes the
    /// values of the agency's most recent request with a Mục 1 of the same fields (editable, saved when the user saves),
    /// else the agency's own address and name.
    /// </summary>
    private async Task FillEmptySectionsAsync(string? agencyName, string? agencyAddress, bool letterPosted, bool contactPosted, CancellationToken ct)
    {
        if (!IsEditable)
        {
            return;
        }

        if (!letterPosted && Req.Status == RequestStatus.Draft && Req.Letter.Date is null && string.IsNullOrEmpty(Letter.Date))
        {
            Letter.Date = Format.Date(me.Today);
        }

        if (contactPosted || Req.Contact != RequestContact.Empty)
        {
            return;
        }

        var agencyId = Req.AgencyId;
        var recent = await db.Requests.AsNoTracking()
            .Where(r => r.AgencyId == agencyId && r.Id != Req.Id && r.Contact.FullName != null)
            .OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Type, r.ReceiptNumber, r.CreatedAtUtc, r.Contact, Kind = r.Lines.Select(l => (SubscriberKind?)l.SubscriberKind).FirstOrDefault() })
            .Take(50).ToListAsync(ct);
        var same = recent.FirstOrDefault(r => SameFields(ContactLayout.For(r.Type, r.Kind), ContactForm));
        if (same is null)
        {
            Contact.Address = ContactForm.HasAddress ? agencyAddress : null;
            Contact.Workplace = ContactForm.HasWorkplace ? agencyName : null;
            return;
        }

        Contact = ContactInput.From(same.Contact);
        ContactPrefilledFrom = $"Điền sẵn từ yêu cầu {same.ReceiptNumber ?? "nháp số " + same.Id.ToString(CultureInfo.InvariantCulture)} "
            + $"ngày {Format.Date(same.CreatedAtUtc)}: kiểm tra, sửa nếu cần rồi lưu.";
    }

    /// <summary>Two forms' Mục 1 with the same fields (the title names the receiver of that form and does not matter here).</summary>
    private static bool SameFields(ContactLayout a, ContactLayout b) =>
        a.HasEmail == b.HasEmail && a.AddressLabel == b.AddressLabel && a.HasWorkplace == b.HasWorkplace;
}
