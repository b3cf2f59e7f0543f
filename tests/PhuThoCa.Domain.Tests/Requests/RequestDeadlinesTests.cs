using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;

namespace PhuThoCa.Domain.Tests.Requests;

public class RequestDeadlinesTests
{
    // March 2026: Mon 2, Tue 3, Wed 4, Thu 5, Fri 6, (Sat 7, Sun 8), Mon 9, Tue 10, Wed 11, Thu 12.
    private static readonly DateTime Monday = RequestWorld.Monday;
    private readonly RequestWorld _world = new();

    private static DateOnly March(int day) => new(2026, 3, day);

    private static DateTime At(int day, int hour) => new(2026, 3, day, hour, 0, 0);

    [Fact]
    public void Receive_ARenewalOnFriday_IsDueToBeFiledTheNextWednesday()
    {
        var (request, _) = SubmittedRenewal(At(6, 9));

        request.Receive(RequestWorld.Staff(At(6, 10)), new WeekendOnlyCalendar(), 1);

        Assert.Equal(March(6), request.ValidFromDate);
        Assert.Equal(March(11), request.DueDate);
        Assert.Equal(DeadlineStep.FileOnCaPortal, request.DueStep);
        Assert.Equal(DeadlineKind.Legal, LegalDeadlines.Kind(DeadlineStep.FileOnCaPortal));
        Assert.Equal(March(11), request.History[^1].DueDate);
    }

    [Fact]
    public void Receive_OnSaturday_CountsFromTheNextWorkingDay()
    {
        var (request, _) = SubmittedRenewal(At(6, 9));

        request.Receive(RequestWorld.Staff(At(7, 10)), new WeekendOnlyCalendar(), 1);

        Assert.Equal(March(9), request.ValidFromDate);
        Assert.Equal(March(12), request.DueDate);
    }

    [Fact]
    public void Receive_GivesTheCalendarVietnamLocalTimeNotUtc()
    {
        var (request, _) = SubmittedRenewal(At(2, 8));
        var calendar = new RecordingCalendar();

        request.Receive(new Actor(RequestWorld.StaffUserId, "Cán bộ", new DateTime(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc)), calendar, 1);

        var received = Assert.Single(calendar.StartTimes);
        Assert.Equal(At(2, 9), received);
        Assert.NotEqual(DateTimeKind.Utc, received.Kind);
    }

    [Fact]
    public void Accept_WithTheClockFromReceipt_KeepsTheDueDateOfTheReceipt()
    {
        var (request, certificate) = SubmittedRenewal(At(2, 8));
        var calendar = new WeekendOnlyCalendar();
        request.Receive(RequestWorld.Staff(At(2, 9)), calendar, 1);

        request.Accept(RequestWorld.Staff(At(4, 16)), RequestSubjects.Of(certificate), calendar);

        Assert.Equal(March(2), request.ValidFromDate);
        Assert.Equal(March(5), request.DueDate);
    }

    [Fact]
    public void Accept_WithTheClockFromAcceptance_StartsTheLegalClockOnAcceptance()
    {
        var (request, certificate) = SubmittedRenewal(At(2, 8));
        var calendar = new WeekendOnlyCalendar(new RequestDeadlineSettings { ClockStartsAt = LegalClockStart.Acceptance });

        request.Receive(RequestWorld.Staff(At(2, 9)), calendar, 1);
        Assert.Null(request.DueDate);
        Assert.Null(request.ValidFromDate);
        Assert.Null(request.DueStep);

        request.Accept(RequestWorld.Staff(At(3, 9)), RequestSubjects.Of(certificate), calendar);
        Assert.Equal(March(3), request.ValidFromDate);
        Assert.Equal(March(6), request.DueDate);
        Assert.Equal(DeadlineStep.FileOnCaPortal, request.DueStep);
    }

    [Fact]
    public void ReturnForSupplement_StopsTheClock_AndTheNewReceiptRestartsIt()
    {
        var (request, certificate) = SubmittedRenewal(At(2, 8));
        var calendar = new WeekendOnlyCalendar();
        request.Receive(RequestWorld.Staff(At(2, 9)), calendar, 31);
        Assert.Equal(March(5), request.DueDate);

        request.ReturnForSupplement("Bổ sung số định danh cá nhân của người tiếp nhận", RequestWorld.Staff(At(3, 9)), calendar);

        Assert.Null(request.DueDate);
        Assert.Null(request.ValidFromDate);
        Assert.Null(request.DueStep);
        Assert.Equal(0, request.ClockWorkingDaysUsed);
        Assert.Equal("Bổ sung số định danh cá nhân của người tiếp nhận", request.SupplementReason);

        request.UpdateContact(request.Contact with { NationalId = "001098765433" });
        request.Resubmit(RequestWorld.AgencyUser(At(4, 9)), RequestSubjects.Of(certificate), accuracyConfirmed: true);
        request.Receive(RequestWorld.Staff(At(5, 9)), calendar, null);

        Assert.Equal("SKHCN-2026-000031", request.ReceiptNumber);
        Assert.Equal(RequestWorld.Utc(At(5, 9)), request.ReceivedAtUtc);
        Assert.Equal(March(5), request.ValidFromDate);
        Assert.Equal(March(10), request.DueDate);
        Assert.Equal(
            [RequestAction.Submit, RequestAction.Receive, RequestAction.ReturnForSupplement, RequestAction.Resubmit, RequestAction.Receive],
            request.History.Select(h => h.Action));
    }

    [Fact]
    public void ReturnForSupplement_WithAPausingClock_ResumesWithTheWorkingDaysLeft()
    {
        var (request, certificate) = SubmittedRenewal(At(2, 8));
        var calendar = new WeekendOnlyCalendar(new RequestDeadlineSettings { RestartClockOnResubmission = false });
        request.Receive(RequestWorld.Staff(At(2, 9)), calendar, 1);

        request.ReturnForSupplement("Thiếu chức vụ người ký", RequestWorld.Staff(At(4, 9)), calendar);
        Assert.Equal(2, request.ClockWorkingDaysUsed);
        request.Resubmit(RequestWorld.AgencyUser(At(6, 9)), RequestSubjects.Of(certificate), accuracyConfirmed: true);
        request.Receive(RequestWorld.Staff(At(9, 9)), calendar, null);
        Assert.Equal(March(10), request.DueDate);

        request.ReturnForSupplement("Thiếu ngày văn bản", RequestWorld.Staff(At(10, 9)), calendar);
        request.Resubmit(RequestWorld.AgencyUser(At(10, 10)), RequestSubjects.Of(certificate), accuracyConfirmed: true);
        request.Receive(RequestWorld.Staff(At(11, 9)), calendar, null);

        Assert.Equal(3, request.ClockWorkingDaysUsed);
        Assert.Equal(March(11), request.DueDate);
    }

    [Fact]
    public void Receive_AgainWithANewSequence_ThrowsReceiptNumberIsAssignedOnce()
    {
        var scenario = new RequestScenario(RequestType.Renew).Reach(RequestStatus.ReturnedForSupplement);
        scenario.Perform(RequestAction.Resubmit);

        var ex = Assert.Throws<DomainRuleException>(() =>
            scenario.Request.Receive(RequestWorld.Staff(At(3, 9)), scenario.Calendar, 43));

        Assert.Equal(RequestRules.ReceiptNumberIsAssignedOnce, ex.Rule);
        Assert.Equal("SKHCN-2026-000042", scenario.Request.ReceiptNumber);
    }

    [Fact]
    public void Receive_TheFirstTimeWithoutASequence_ThrowsFirstReceiptNeedsAReceiptSequence()
    {
        var scenario = new RequestScenario(RequestType.Issue).Reach(RequestStatus.Submitted);

        var ex = Assert.Throws<DomainRuleException>(() => scenario.Request.Receive(RequestWorld.Staff(At(3, 9)), scenario.Calendar, null));

        Assert.Equal(RequestRules.FirstReceiptNeedsAReceiptSequence, ex.Rule);
        Assert.Null(scenario.Request.ReceiptNumber);
    }

    [Fact]
    public void Receive_JustAfterMidnightOnNewYearInVietnam_NumbersTheReceiptWithTheVietnameseYear()
    {
        var newYearsEve = new DateTime(2025, 12, 31, 20, 0, 0);
        var request = RequestWorld.NewDraft(RequestType.Issue, newYearsEve);
        request.AddIssueLine(_world.Person);
        request.Submit(RequestWorld.AgencyUser(newYearsEve.AddHours(2)), RequestSubjects.None, accuracyConfirmed: true, RequestWorld.SentToCa(newYearsEve.AddHours(2)));

        var staff = RequestWorld.Staff(new DateTime(2026, 1, 1, 0, 30, 0));
        Assert.Equal(2025, staff.AtUtc.Year);
        request.Receive(staff, new WeekendOnlyCalendar(), 1);

        Assert.Equal("SKHCN-2026-000001", request.ReceiptNumber);
    }

    [Theory]
    [InlineData(2026, 123, "SKHCN-2026-000123")]
    [InlineData(2027, 1, "SKHCN-2027-000001")]
    [InlineData(2030, 999_999, "SKHCN-2030-999999")]
    public void Format_YearAndSequence_GivesTheReceiptNumber(int year, int sequence, string expected)
    {
        Assert.Equal(expected, RequestReceiptNumber.Format(year, sequence));
    }

    [Theory]
    [InlineData(2026, 0)]
    [InlineData(2026, 1_000_000)]
    [InlineData(199, 5)]
    public void Format_OutOfRange_Throws(int year, int sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RequestReceiptNumber.Format(year, sequence));
    }

    [Fact]
    public void Receive_ARevokeLetterWithAConfiguredCaPeriod_ExpectsTheCaResultAccordingly()
    {
        var scenario = new RequestScenario(RequestType.Revoke).Reach(RequestStatus.Submitted);
        var calendar = new WeekendOnlyCalendar(new RequestDeadlineSettings { CaRevokeWorkingDays = 1 });

        scenario.Request.Receive(RequestWorld.Staff(At(6, 9)), calendar, 2);

        Assert.Equal(March(9), scenario.Request.DueDate);
        Assert.Equal(DeadlineStep.CaRevoke, scenario.Request.DueStep);
        Assert.Equal(DeadlineKind.Expected, LegalDeadlines.Kind(DeadlineStep.CaRevoke));
        Assert.Equal(DeadlineHolder.CaDepartment, LegalDeadlines.Holder(DeadlineStep.CaRevoke));
    }

    [Fact]
    public void Settings_Default_AreTheLegalPeriods()
    {
        var settings = RequestDeadlineSettings.Default;

        Assert.Equal(3, settings.WorkingDays(DeadlineStep.FileOnCaPortal));
        Assert.Equal(1, settings.WorkingDays(DeadlineStep.RecoverToken));
        Assert.Equal(5, settings.WorkingDays(DeadlineStep.ReturnRevokedToken));
        Assert.Equal(3, settings.WorkingDays(DeadlineStep.CaIssue));
        Assert.Equal(3, settings.WorkingDays(DeadlineStep.CaRevoke));
        Assert.Equal(3, settings.WorkingDays(DeadlineStep.CaRenewOrChange));
        Assert.True(settings.RestartClockOnResubmission);
        Assert.Equal(LegalClockStart.Receipt, settings.ClockStartsAt);
    }

    [Fact]
    public void Settings_WithANegativePeriod_AreRefusedWhenUsed()
    {
        var settings = new RequestDeadlineSettings { RecoverTokenWorkingDays = -1 };

        Assert.Throws<InvalidOperationException>(() => settings.WorkingDays(DeadlineStep.RecoverToken));
    }

    [Theory]
    [InlineData(RequestType.Renew, RequestStatus.Received, DeadlineStep.FileOnCaPortal)]
    [InlineData(RequestType.ChangeInfo, RequestStatus.Accepted, DeadlineStep.FileOnCaPortal)]
    [InlineData(RequestType.RecoverToken, RequestStatus.Received, DeadlineStep.RecoverToken)]
    [InlineData(RequestType.RecoverToken, RequestStatus.Accepted, DeadlineStep.RecoverToken)]
    [InlineData(RequestType.Issue, RequestStatus.AwaitingCaResult, DeadlineStep.CaIssue)]
    [InlineData(RequestType.Revoke, RequestStatus.AwaitingCaResult, DeadlineStep.CaRevoke)]
    [InlineData(RequestType.Renew, RequestStatus.AwaitingCaResult, DeadlineStep.CaRenewOrChange)]
    [InlineData(RequestType.Revoke, RequestStatus.AwaitingTokenReturn, DeadlineStep.ReturnRevokedToken)]
    public void StepFor_TimedStatuses_NameTheirStep(RequestType type, RequestStatus status, DeadlineStep step)
    {
        Assert.Equal(step, LegalDeadlines.StepFor(type, status));
    }

    [Fact]
    public void StepFor_EveryOtherStatus_HasNoPeriod()
    {
        var timed = new[]
        {
            RequestStatus.Received, RequestStatus.Accepted, RequestStatus.AwaitingCaResult, RequestStatus.AwaitingTokenReturn,
        };

        foreach (var type in RequestTypes.All)
        {
            foreach (var status in RequestStatuses.All.Except(timed))
            {
                Assert.Null(LegalDeadlines.StepFor(type, status));
            }
        }
    }

    [Fact]
    public void LegalBasis_OfTheLegalSteps_CitesTheRegulation()
    {
        Assert.StartsWith("Điều 5 khoản 4 điểm c", LegalDeadlines.LegalBasis(DeadlineStep.FileOnCaPortal), StringComparison.Ordinal);
        Assert.Contains("Điều 22", LegalDeadlines.LegalBasis(DeadlineStep.RecoverToken), StringComparison.Ordinal);
        Assert.StartsWith("Điều 20 Nghị định số 68/2024/NĐ-CP", LegalDeadlines.LegalBasis(DeadlineStep.ReturnRevokedToken), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryDueDate_IsInTheHistoryRowOfTheMoveThatSetIt()
    {
        var scenario = new RequestScenario(RequestType.Revoke).Reach(RequestStatus.Completed);

        Assert.Equal(
            [null, March(5), March(9), null],
            scenario.Request.History.Select(h => h.DueDate));
    }

    private (Request Request, Certificates.Certificate Certificate) SubmittedRenewal(DateTime submittedLocal)
    {
        var certificate = _world.NewCertificate(_world.Person, DateOnly.FromDateTime(Monday).AddDays(200));
        var request = RequestWorld.NewDraft(RequestType.Renew, submittedLocal.AddHours(-1));
        request.AddRenewLine(_world.Person, certificate);
        request.Submit(RequestWorld.AgencyUser(submittedLocal), RequestSubjects.Of(certificate), accuracyConfirmed: true, RequestWorld.SentToCa(submittedLocal));
        return (request, certificate);
    }

    private sealed class RecordingCalendar : IWorkingDayDeadlines
    {
        private readonly WeekendOnlyCalendar _inner = new();

        public List<DateTime> StartTimes { get; } = [];

        public RequestDeadlineSettings Settings => _inner.Settings;

        public DateOnly EffectiveStartDay(DateTime localReceivedAt)
        {
            StartTimes.Add(localReceivedAt);
            return _inner.EffectiveStartDay(localReceivedAt);
        }

        public DateOnly AddWorkingDays(DateOnly start, int workingDays) => _inner.AddWorkingDays(start, workingDays);

        public int WorkingDaysBetween(DateOnly startDay, DateOnly endDay) => _inner.WorkingDaysBetween(startDay, endDay);
    }
}
