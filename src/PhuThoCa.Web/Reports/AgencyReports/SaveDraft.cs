using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Reports;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Reports.AgencyReports;

/// <summary>The agency's forecast for next year as the form posts it (form "Forecast").</summary>
public sealed class ForecastInput
{
    public const int Max = 1_000_000;

    /// <summary>Số thuê bao mới dự kiến cần cấp chứng thư số.</summary>
    public string? NewSubscribers { get; set; }

    /// <summary>Số thiết bị lưu khóa bí mật cần cấp mới.</summary>
    public string? NewTokens { get; set; }

    /// <summary>Số chứng thư cần gia hạn, cấp lại.</summary>
    public string? Renewals { get; set; }

    public string? Note { get; set; }

    public static ForecastInput From(AgencyForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        return new()
        {
            NewSubscribers = forecast.NewSubscribers.ToString(CultureInfo.InvariantCulture),
            NewTokens = forecast.NewTokens.ToString(CultureInfo.InvariantCulture),
            Renewals = forecast.Renewals.ToString(CultureInfo.InvariantCulture),
            Note = forecast.Note,
        };
    }

    /// <summary>The forecast once validated (an empty field is 0).</summary>
    public AgencyForecast ToForecast() => new(Count(NewSubscribers), Count(NewTokens), Count(Renewals), Note);

    public static bool IsCount(string? text) =>
        string.IsNullOrWhiteSpace(text) || (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= Max);

    private static int Count(string? text) => string.IsNullOrWhiteSpace(text) ? 0 : int.Parse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
}

public sealed class ForecastInputValidator : AbstractValidator<ForecastInput>
{
    public ForecastInputValidator()
    {
        const string message = "Nhập số nguyên không âm (từ 0 đến 1.000.000).";
        RuleFor(x => x.NewSubscribers).Must(ForecastInput.IsCount).WithMessage(message);
        RuleFor(x => x.NewTokens).Must(ForecastInput.IsCount).WithMessage(message);
        RuleFor(x => x.Renewals).Must(ForecastInput.IsCount).WithMessage(message);
        RuleFor(x => x.Note).MaximumLength(AgencyForecast.NoteMaxLength).WithMessage($"Ghi chú không được dài quá {AgencyForecast.NoteMaxLength} ký tự.");
    }
}

/// <summary>
/// Lưu nháp: the agency's officer saves the forecast of its report for a round (QĐ-PT Điều 9.6), creating the draft on
/// first save. The caller checks policy <see cref="Infrastructure.Policies.FileRequests"/> and that the agency is the
/// officer's own.
/// </summary>
public sealed class SaveDraft(AppDbContext db, IValidator<ForecastInput> validator)
{
    public Task<FluentValidation.Results.ValidationResult> ValidateAsync(ForecastInput input, CancellationToken ct = default) =>
        validator.ValidateAsync(input, ct);

    /// <summary>The agency's report of the round (tracked), or a new draft added to the context (not saved).</summary>
    public async Task<AgencyReport> DraftOfAsync(ReportingRound round, int agencyId, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(round);
        var report = await db.AgencyReports.FirstOrDefaultAsync(r => r.RoundId == round.Id && r.AgencyId == agencyId, ct);
        if (report is null)
        {
            report = new AgencyReport(round, agencyId, actor);
            db.AgencyReports.Add(report);
        }

        return report;
    }

    public async Task<AgencyReport> HandleAsync(ReportingRound round, int agencyId, ForecastInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = await ValidateAsync(input, ct);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Errors);
        }

        var report = await DraftOfAsync(round, agencyId, actor, ct);
        report.SaveDraft(input.ToForecast(), actor);
        await db.SaveChangesAsync(ct);
        return report;
    }
}
