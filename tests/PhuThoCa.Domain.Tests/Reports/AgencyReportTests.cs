using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Reports;

namespace PhuThoCa.Domain.Tests.Reports;

/// <summary>The agency's report to Sở (QĐ-PT Điều 9.6): Draft → Sent → Received, the late flag, the frozen figures.</summary>
public class AgencyReportTests
{
    private static readonly ReportPeriod Quarter4 = ReportPeriod.Calendar(ReportPeriodKind.Quarter, 2026, 4);
    private static readonly DateOnly Deadline = new(2026, 12, 15);

    private static Actor At(int year, int month, int day, int hour) =>
        new("u1", "Nguyễn Văn A", VietnamTime.FromLocal(new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Unspecified)));

    private static ReportingRound Round() => new(Quarter4, Deadline, "  Báo cáo quý IV  ", At(2026, 11, 1, 8));

    private static AgencyReport Draft() => new(Round(), 7, At(2026, 12, 1, 8));

    [Fact]
    public void Round_KeepsThePeriodAndDeadline_AndRefusesADeadlineBeforeThePeriodStarts()
    {
        var round = Round();
        Assert.Equal(Quarter4, round.Period);
        Assert.Equal("Báo cáo quý IV", round.Note);

        var refused = Assert.Throws<DomainRuleException>(() => new ReportingRound(Quarter4, new DateOnly(2026, 9, 30), null, At(2026, 9, 1, 8)));
        Assert.Equal(AgencyReportRules.DeadlineNotBeforePeriodStart, refused.Rule);
        Assert.Contains("01/10/2026", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_SavesTheForecast_ThenSendFreezesTheFigures_AndOnlySentIsReceived()
    {
        var report = Draft();
        Assert.Equal(AgencyReportStatus.Draft, report.Status);
        Assert.Equal("Nháp", AgencyReport.Label(report.Status));
        Assert.Equal("Chưa lập", AgencyReport.Label((AgencyReportStatus?)null));

        var early = Assert.Throws<DomainRuleException>(() => report.Receive(At(2026, 12, 2, 8)));
        Assert.Equal(AgencyReportRules.OnlyASentReportIsReceived, early.Rule);

        report.SaveDraft(new AgencyForecast(5, 2, 7, " Tuyển mới 5 công chức "), At(2026, 12, 2, 9));
        Assert.Equal(new AgencyForecast(5, 2, 7, "Tuyển mới 5 công chức"), report.Forecast);

        report.Send(Round(), "{\"Tables\":[]}", At(2026, 12, 10, 10));
        Assert.Equal(AgencyReportStatus.Sent, report.Status);
        Assert.Equal("{\"Tables\":[]}", report.FiguresJson);
        Assert.Equal("Nguyễn Văn A", report.SentBy);
        Assert.False(report.SentLate);

        var edit = Assert.Throws<DomainRuleException>(() => report.SaveDraft(new AgencyForecast(9, 9, 9, null), At(2026, 12, 11, 8)));
        Assert.Equal(AgencyReportRules.OnlyADraftChanges, edit.Rule);
        Assert.Throws<DomainRuleException>(() => report.Send(Round(), "{}", At(2026, 12, 11, 8)));
        Assert.Equal(5, report.ForecastNewSubscribers);
        Assert.Equal("{\"Tables\":[]}", report.FiguresJson);

        report.Receive(At(2026, 12, 12, 8));
        Assert.Equal(AgencyReportStatus.Received, report.Status);
        Assert.Equal("Sở đã tiếp nhận", AgencyReport.Label(report.Status));
        var twice = Assert.Throws<DomainRuleException>(() => report.Receive(At(2026, 12, 12, 9)));
        Assert.Equal(AgencyReportRules.OnlyASentReportIsReceived, twice.Rule);
        Assert.Throws<DomainRuleException>(() => report.SaveDraft(AgencyForecast.None, At(2026, 12, 13, 8)));
    }

    [Fact]
    public void Send_OnTheDeadlineDayIsInTime_TheDayAfterIsLate_InVietnamTime()
    {
        var onTheDay = Draft();
        // 23:30 on 15/12 in Vietnam is still 15/12 (16:30 UTC).
        onTheDay.Send(Round(), "{}", At(2026, 12, 15, 23));
        Assert.False(onTheDay.SentLate);

        var nextDay = Draft();
        // 06:00 on 16/12 in Vietnam is 15/12 23:00 UTC, yet late: the deadline is a Vietnam date.
        nextDay.Send(Round(), "{}", At(2026, 12, 16, 6));
        Assert.True(nextDay.SentLate);
        Assert.Equal(AgencyReportStatus.Sent, nextDay.Status);
    }

    [Fact]
    public void Forecast_IsNeverNegative()
    {
        var report = Draft();
        var refused = Assert.Throws<DomainRuleException>(() => report.SaveDraft(new AgencyForecast(1, -1, 0, null), At(2026, 12, 2, 9)));
        Assert.Equal(AgencyReportRules.ForecastIsNotNegative, refused.Rule);
        Assert.Equal(AgencyForecast.None with { Note = null }, report.Forecast);
    }

    [Fact]
    public void Snapshot_ReadsBackTheSameCells_WithTheirKinds()
    {
        ReportTable table = new("plan", "Nhu cầu năm 2027", "Ghi chú",
            [new("STT", ReportCellKind.Count, 6), new("Cơ quan", ReportCellKind.Text, 40), new("Tỷ lệ", ReportCellKind.OneDecimal, 10),
                new("Ngày", ReportCellKind.Date, 12)],
            [[1, "UBND xã Xuân Đài", 87.5, new DateOnly(2027, 3, 1)], [null, "Tổng cộng", null, null]], true);
        var snapshot = new ReportSnapshot("UBND xã Xuân Đài", "Quý IV năm 2026", new DateOnly(2026, 11, 26), [table]);

        var read = ReportSnapshot.Read(snapshot.Write());

        Assert.Equal("UBND xã Xuân Đài", read.Scope);
        Assert.Equal(new DateOnly(2026, 11, 26), read.AsOf);
        var back = Assert.Single(read.Tables);
        Assert.Equal(table.Columns, back.Columns);
        Assert.Equal([1, "UBND xã Xuân Đài", 87.5, new DateOnly(2027, 3, 1)], back.Rows[0]);
        Assert.Equal([null, "Tổng cộng", null, null], back.Rows[1]);
        Assert.True(back.LastRowIsTotal);
    }
}
