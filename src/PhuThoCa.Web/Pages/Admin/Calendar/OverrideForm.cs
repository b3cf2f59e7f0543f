using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Calendar;
using PhuThoCa.Domain.Common;
using PhuThoCa.Infrastructure.Calendar;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Api;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Admin.Calendar;

/// <summary>What the admin types for a calendar override; the date stays the typed text so that a bad value is shown back.</summary>
public sealed class OverrideInput
{
    public string? Date { get; set; }

    public CalendarOverrideKind? Kind { get; set; } = CalendarOverrideKind.DayOff;

    public string? Name { get; set; }

    public string? LegalBasis { get; set; }

    public bool IsProvincial { get; set; }

    public static OverrideInput From(CalendarOverride o) => new()
    {
        Date = Format.Date(o.Date),
        Kind = o.Kind,
        Name = o.Name,
        LegalBasis = o.LegalBasis,
        IsProvincial = o.IsProvincial,
    };
}

public sealed class OverrideInputValidator : AbstractValidator<OverrideInput>
{
    public OverrideInputValidator()
    {
        // One message per field: blank, then malformed, then out of range.
        RuleFor(x => x.Date).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Vui lòng nhập ngày điều chỉnh.")
            .Must(d => Format.ParseDate(d) is not null).WithMessage("Ngày phải có dạng dd/MM/yyyy, ví dụ 31/08/2026.")
            .Must(d => Format.ParseDate(d) is { Year: >= CalendarApi.MinYear and <= CalendarApi.MaxYear })
            .WithMessage(string.Create(
                CultureInfo.InvariantCulture, $"Ngày điều chỉnh phải trong khoảng năm {CalendarApi.MinYear} đến năm {CalendarApi.MaxYear}."));
        RuleFor(x => x.Kind).Cascade(CascadeMode.Stop).NotNull().WithMessage("Vui lòng chọn loại điều chỉnh.")
            .IsInEnum().WithMessage("Loại điều chỉnh không hợp lệ.");
        RuleFor(x => x.Name).NotEmpty().WithMessage("Vui lòng nhập tên ngày nghỉ hoặc ngày làm bù.")
            .MaximumLength(CalendarOverride.NameMaxLength)
            .WithMessage($"Tên không được dài quá {CalendarOverride.NameMaxLength} ký tự.");
        RuleFor(x => x.LegalBasis).NotEmpty().WithMessage("Vui lòng nhập căn cứ: số, ngày văn bản quyết định ngày nghỉ hoặc làm bù.")
            .MaximumLength(CalendarOverride.LegalBasisMaxLength)
            .WithMessage($"Căn cứ không được dài quá {CalendarOverride.LegalBasisMaxLength} ký tự.");
    }
}

/// <summary>What every change of an override does besides saving it: history text, cache refresh, deadline recalculation.</summary>
public static class OverrideChanges
{
    /// <summary>"31/08/2026 (Thứ Hai), Ngày nghỉ (nghỉ bù, hoán đổi): Nghỉ …; căn cứ: …; cấp tỉnh".</summary>
    public static string Describe(CalendarOverride o) =>
        $"{Format.Date(o.Date)} ({CalendarLabels.DayOfWeekName(o.Date.DayOfWeek)}), {CalendarLabels.OverrideKindLabel(o.Kind)}: "
        + $"{o.Name}; căn cứ: {o.LegalBasis}{(o.IsProvincial ? "; quyết định của tỉnh" : "")}";

    /// <summary>Field-by-field differences between two states of an override, for the history note.</summary>
    public static List<FieldChange> Diff(CalendarOverride before, CalendarOverride after)
    {
        var changes = new List<FieldChange>();
        FieldChange.Track(changes, "Ngày", Format.Date(before.Date), Format.Date(after.Date));
        FieldChange.Track(changes, "Loại", CalendarLabels.OverrideKindLabel(before.Kind), CalendarLabels.OverrideKindLabel(after.Kind));
        FieldChange.Track(changes, "Tên", before.Name, after.Name);
        FieldChange.Track(changes, "Căn cứ", before.LegalBasis, after.LegalBasis);
        FieldChange.Track(changes, "Quyết định của tỉnh", before.IsProvincial ? "Có" : "Không", after.IsProvincial ? "Có" : "Không");
        return changes;
    }

    /// <summary>
    /// Saves the calendar change and recomputes the open requests' deadlines on the new calendar in one transaction (issue
    /// 10 item 7): either both are stored or neither. The cached calendar is dropped before the recalculation (which then
    /// reads the change inside the transaction) and again after the commit (a read in between may have cached the old
    /// calendar). Inside the provider's execution strategy, so SQL Server's retrying strategy accepts the transaction.
    /// A <see cref="DbUpdateException"/> of the first save reaches the caller with nothing stored. Returns the sentence
    /// for the status message.
    /// </summary>
    public static async Task<string> SaveAndRecalculateAsync(AppDbContext db, CalendarProvider provider, IDeadlineRecalculator recalculator,
        string reason, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var count = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            provider.Invalidate();
            var moved = await recalculator.RecalculateOpenRequestsAsync(reason, ct);
            await transaction.CommitAsync(ct);
            return moved;
        });
        provider.Invalidate();
        return $"Đã tính lại hạn xử lý của {Format.Number(count)} yêu cầu đang mở.";
    }

    /// <summary>Puts a refused domain rule next to the field it is about.</summary>
    public static void AddRuleError(ModelStateDictionary modelState, DomainRuleException rule)
    {
        var key = rule.Rule switch
        {
            CalendarRules.ExtraWorkingDayMustBeASaturdayOrSunday or CalendarRules.ExtraDayOffMustBeAWeekday or CalendarRules.CalendarOverrideKindIsUnknown => "Input.Kind",
            CalendarRules.CalendarOverrideMustBeWithinTheSupportedYears => "Input.Date",
            CalendarRules.CalendarOverrideNeedsAName or CalendarRules.CalendarOverrideNameIsTooLong => "Input.Name",
            CalendarRules.CalendarOverrideNeedsALegalBasis or CalendarRules.CalendarOverrideLegalBasisIsTooLong => "Input.LegalBasis",
            _ => string.Empty,
        };
        modelState.AddModelError(key, rule.Message);
    }
}
