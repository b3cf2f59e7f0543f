using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using PhuThoCa.Domain.Calendar;
using PhuThoCa.Domain.Common;
using PhuThoCa.Infrastructure.Calendar;
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
    /// After SaveChanges: drops the cached calendar so that the next read (pages, API, deadlines) sees the change, then
    /// recomputes the open requests' deadlines. Returns the sentence for the status message.
    /// </summary>
    public static async Task<string> ApplyAsync(CalendarProvider provider, IDeadlineRecalculator recalculator, string reason, CancellationToken ct)
    {
        provider.Invalidate();
        var count = await recalculator.RecalculateOpenRequestsAsync(reason, ct);
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
