using FluentValidation;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Reports;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Infrastructure.Reports;

namespace PhuThoCa.Web.Reports.AgencyReports;

/// <summary>
/// Gửi báo cáo: the agency's officer sends its report for a round to Sở (QĐ-PT Điều 9.6) with the forecast on the form.
/// The figures of the round's period for the agency are computed now and frozen in the report
/// (<see cref="ReportSnapshot"/>), so what Sở receives never changes when a register changes afterwards. Sent after the
/// deadline is recorded as late. The caller checks policy <see cref="Infrastructure.Policies.FileRequests"/> and that the
/// agency is the officer's own.
/// </summary>
public sealed class SendReport(AppDbContext db, SaveDraft drafts, ProvinceReportQuery query)
{
    public async Task<AgencyReport> HandleAsync(ReportingRound round, int agencyId, ForecastInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var result = await drafts.ValidateAsync(input, ct);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Errors);
        }

        var report = await drafts.DraftOfAsync(round, agencyId, actor, ct);
        report.SaveDraft(input.ToForecast(), actor);
        var snapshot = await FiguresAsync(round, agencyId, report.Forecast, VietnamTime.ToDate(actor.AtUtc), ct);
        report.Send(round, snapshot.Write(), actor);
        await db.SaveChangesAsync(ct);
        return report;
    }

    /// <summary>
    /// The agency's figures for the round's period as they stand today, with <paramref name="forecast"/> in the plan table:
    /// what the draft shows live and what sending freezes.
    /// </summary>
    public async Task<ReportSnapshot> FiguresAsync(ReportingRound round, int agencyId, AgencyForecast forecast, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(forecast);
        var report = await query.RunAsync(round.Period, agencyId, today, includeForecasts: false, planLines: null, ct);
        foreach (var figures in report.Agencies.Append(report.Total))
        {
            figures.ForecastNewSubscribers = forecast.NewSubscribers;
            figures.ForecastNewTokens = forecast.NewTokens;
            figures.ForecastRenewals = forecast.Renewals;
        }

        var scope = report.Agencies.Count > 0 ? report.Agencies[0].AgencyName : "";
        return new ReportSnapshot(scope, round.Period.Label, report.AsOf, ReportTables.Build(report));
    }
}
