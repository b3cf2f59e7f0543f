using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;

namespace PhuThoCa.Domain.Tests.Requests;

/// <summary>Phiếu xin lỗi và hẹn lại ngày trả kết quả: who may get one, which date may be promised, and what stays as it was.</summary>
public class PromiseNewReturnDateTests
{
    private readonly RequestWorld _world = new();

    private static DateTime At(int day, int hour) => new(2026, 3, day, hour, 0, 0);

    /// <summary>A renewal (Mẫu 04) received on Friday 06/03/2026; Sở's due date is worked out by the weekend-only calendar.</summary>
    private Request ReceivedRenewal()
    {
        var certificate = _world.NewCertificate(_world.Person, new DateOnly(2026, 9, 1));
        var request = RequestWorld.NewDraft(RequestType.Renew, At(6, 8));
        request.AddRenewLine(_world.Person, certificate);
        request.Submit(RequestWorld.AgencyUser(At(6, 9)), RequestSubjects.Of(certificate), accuracyConfirmed: true, RequestWorld.SentToCa(At(6, 9)));
        request.Receive(RequestWorld.Staff(At(6, 10)), new WeekendOnlyCalendar(), 1);
        return request;
    }

    [Fact]
    public void PromiseNewReturnDate_DueOnTheNextWorkingDay_ReturnsTheHistoryRowAndKeepsTheLegalDueDate()
    {
        var request = ReceivedRenewal();
        var due = request.DueDate!.Value;
        var dayBefore = due.AddDays(-1);
        var status = request.Status;
        var version = request.RowVersion;

        var change = request.PromiseNewReturnDate(due.AddDays(2), "  Chờ xác minh thông tin thuê bao  ",
            RequestWorld.Staff(dayBefore.ToDateTime(new TimeOnly(9, 0))), new WeekendOnlyCalendar());

        Assert.Equal(due, request.DueDate);
        Assert.Equal(status, request.Status);
        Assert.NotEqual(version, request.RowVersion);
        Assert.Equal(Request.PromiseTitle, change.Action);
        Assert.Equal(VietnamTime.DateText(due), change.FromState);
        Assert.Equal(VietnamTime.DateText(due.AddDays(2)), change.ToState);
        Assert.Equal("Chờ xác minh thông tin thuê bao", change.Note);
        Assert.Equal(TimelineSubject.Request, change.Subject);
    }

    [Fact]
    public void PromiseNewReturnDate_Overdue_IsAllowed()
    {
        var request = ReceivedRenewal();
        var due = request.DueDate!.Value;
        var later = new WeekendOnlyCalendar().AddWorkingDays(due, 2);

        var change = request.PromiseNewReturnDate(new WeekendOnlyCalendar().AddWorkingDays(later, 1), "Quá tải",
            RequestWorld.Staff(later.ToDateTime(new TimeOnly(9, 0))), new WeekendOnlyCalendar());

        Assert.Equal(due, request.DueDate);
        Assert.Equal(VietnamTime.DateText(due), change.FromState);
    }

    [Fact]
    public void PromiseNewReturnDate_TwoWorkingDaysBeforeTheDueDate_IsRefused()
    {
        var request = ReceivedRenewal();
        var due = request.DueDate!.Value;
        var twoBefore = due.AddDays(-2);
        Assert.True(WeekendOnlyCalendar.IsWorkingDay(twoBefore), "fixture: two days before the due date must be a working day");

        var ex = Assert.Throws<DomainRuleException>(() => request.PromiseNewReturnDate(due.AddDays(2), "Lý do",
            RequestWorld.Staff(twoBefore.ToDateTime(new TimeOnly(9, 0))), new WeekendOnlyCalendar()));

        Assert.Equal(RequestRules.ApologyOnlyForARequestThatMissesItsDueDate, ex.Rule);
    }

    [Fact]
    public void PromiseNewReturnDate_OnADraft_IsRefused()
    {
        var request = RequestWorld.NewDraft(RequestType.Renew, At(6, 8));

        var ex = Assert.Throws<DomainRuleException>(() => request.PromiseNewReturnDate(new DateOnly(2026, 3, 13), "Lý do",
            RequestWorld.Staff(At(10, 9)), new WeekendOnlyCalendar()));

        Assert.Equal(RequestRules.ApologyOnlyForARequestThatMissesItsDueDate, ex.Rule);
    }

    [Theory]
    [InlineData(0)] // today
    [InlineData(-1)] // yesterday
    public void PromiseNewReturnDate_NotAfterToday_IsRefused(int offset)
    {
        var request = ReceivedRenewal();
        var today = request.DueDate!.Value;

        var ex = Assert.Throws<DomainRuleException>(() => request.PromiseNewReturnDate(today.AddDays(offset), "Lý do",
            RequestWorld.Staff(today.ToDateTime(new TimeOnly(9, 0))), new WeekendOnlyCalendar()));

        Assert.Equal(RequestRules.NewReturnDateMustBeAWorkingDayAfterToday, ex.Rule);
    }

    [Fact]
    public void PromiseNewReturnDate_OnASaturday_IsRefused()
    {
        var request = ReceivedRenewal();
        var today = request.DueDate!.Value;
        var saturday = today.AddDays(((int)DayOfWeek.Saturday - (int)today.DayOfWeek + 7) % 7);

        var ex = Assert.Throws<DomainRuleException>(() => request.PromiseNewReturnDate(saturday, "Lý do",
            RequestWorld.Staff(today.ToDateTime(new TimeOnly(9, 0))), new WeekendOnlyCalendar()));

        Assert.Equal(RequestRules.NewReturnDateMustBeAWorkingDayAfterToday, ex.Rule);
    }

    [Fact]
    public void PromiseNewReturnDate_WithoutAReason_IsRefused()
    {
        var request = ReceivedRenewal();
        var today = request.DueDate!.Value;

        var ex = Assert.Throws<DomainRuleException>(() => request.PromiseNewReturnDate(new WeekendOnlyCalendar().AddWorkingDays(today, 2), "  ",
            RequestWorld.Staff(today.ToDateTime(new TimeOnly(9, 0))), new WeekendOnlyCalendar()));

        Assert.Equal(RequestRules.NewReturnDateNeedsAReason, ex.Rule);
    }
}
