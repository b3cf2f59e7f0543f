using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Tokens;

namespace PhuThoCa.Domain.Tests.Requests;

public class RecoverTokenRequestTests
{
    private static readonly DateTime Thursday = new(2026, 3, 5, 9, 0, 0);
    private readonly RequestWorld _world = new();
    private readonly WeekendOnlyCalendar _calendar = new();

    [Fact]
    public void RecoverTokenRequest_EndToEnd_RecoversTheLockedTokenWithinOneWorkingDay()
    {
        var token = _world.NewToken(TokenStatus.Locked);
        var request = RequestWorld.NewDraft(RequestType.RecoverToken, Thursday);
        request.AddRecoverTokenLine(_world.Person, token);
        Assert.Equal("06", request.FormNumber);

        request.Submit(RequestWorld.AgencyUser(Thursday.AddHours(1)), RequestSubjects.Of(token), accuracyConfirmed: true, RequestWorld.SentToCa(Thursday.AddHours(1)));
        var friday = Thursday.AddDays(1);
        request.Receive(RequestWorld.Staff(friday), _calendar, 5);

        Assert.Equal(DeadlineStep.RecoverToken, request.DueStep);
        Assert.Equal(DateOnly.FromDateTime(friday), request.ValidFromDate);
        Assert.Equal(new DateOnly(2026, 3, 9), request.DueDate);

        request.Accept(RequestWorld.Staff(friday.AddHours(1)), RequestSubjects.Of(token), _calendar);
        Assert.Equal(new DateOnly(2026, 3, 9), request.DueDate);

        var events = request.RecordRecovered([token], RequestWorld.Staff(new DateTime(2026, 3, 9, 10, 0, 0)));

        Assert.Equal(TokenStatus.Recovered, token.Status);
        Assert.Equal(1, token.RecoveryCount);
        var recovered = Assert.Single(events);
        Assert.Equal(("Bị khóa", "Đã khôi phục"), (recovered.FromState, recovered.ToState));
        Assert.Contains("SKHCN-2026-000005", recovered.Note, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Completed, request.Status);
    }

    [Fact]
    public void ChangeStatus_ToRecovered_IsRefused_OnlyTheMau06RequestRecovers()
    {
        var token = _world.NewToken(TokenStatus.Locked);

        var ex = Assert.Throws<DomainRuleException>(() => token.ChangeStatus(TokenStatus.Recovered, "Khôi phục", RequestWorld.Staff(Thursday)));

        Assert.Equal(TokenRules.RecoveryOnlyThroughTheRecoveryRequest, ex.Rule);
        Assert.Contains("Mẫu 06", ex.Message, StringComparison.Ordinal);
        Assert.Equal(TokenStatus.Locked, token.Status);
        Assert.Equal(0, token.RecoveryCount);
        Assert.DoesNotContain(TokenStatus.Recovered, TokenTransitions.ManualFrom(TokenStatus.Locked));
        Assert.Contains(TokenStatus.Recovered, TokenTransitions.AllowedFrom(TokenStatus.Locked));
    }

    [Fact]
    public void ReceiptWait_SentOnSaturday_CountsFromMonday_LateOnlyAfterMoreThanOneWorkingDay()
    {
        var saturday = VietnamTime.FromLocal(new DateTime(2026, 3, 7, 10, 0, 0));

        var monday = ReceiptWait.For(RequestStatus.Submitted, saturday, _calendar, new DateOnly(2026, 3, 9))!;
        var tuesday = ReceiptWait.For(RequestStatus.Submitted, saturday, _calendar, new DateOnly(2026, 3, 10))!;
        var wednesday = ReceiptWait.For(RequestStatus.Submitted, saturday, _calendar, new DateOnly(2026, 3, 11))!;

        Assert.Equal(new DateOnly(2026, 3, 9), monday.Arrival.CountedAs);
        Assert.True(monday.Arrival.MovedToNextWorkingDay);
        Assert.True(monday.Arrival.OnDayOff);
        Assert.Equal((0, false), (monday.WorkingDaysWaiting, monday.IsLate));
        Assert.Equal((1, false), (tuesday.WorkingDaysWaiting, tuesday.IsLate));
        Assert.Equal((2, true), (wednesday.WorkingDaysWaiting, wednesday.IsLate));
        Assert.Null(ReceiptWait.For(RequestStatus.Received, saturday, _calendar, new DateOnly(2026, 3, 11)));
    }

    [Fact]
    public void Submit_WhenTheTokenIsNotLocked_ThrowsOnlyALockedTokenCanBeRecovered()
    {
        var token = _world.NewToken(TokenStatus.HandedOver);
        var request = RequestWorld.NewDraft(RequestType.RecoverToken, Thursday);
        request.AddRecoverTokenLine(_world.Person, token);

        var ex = Assert.Throws<DomainRuleException>(() => request.Submit(RequestWorld.AgencyUser(Thursday), RequestSubjects.Of(token), accuracyConfirmed: true, RequestWorld.SentToCa(Thursday)));

        Assert.Equal(RequestRules.OnlyALockedTokenCanBeRecovered, ex.Rule);
        Assert.Contains("Đã bàn giao", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accept_WhenTheTokenIsNoLongerLocked_ThrowsOnlyALockedTokenCanBeRecovered()
    {
        var scenario = new RequestScenario(RequestType.RecoverToken).Reach(RequestStatus.Received);
        scenario.Token!.ChangeStatus(TokenStatus.Damaged, "Thiết bị bị gãy", RequestWorld.AgencyUser(Thursday));

        var ex = Assert.Throws<DomainRuleException>(() =>
            scenario.Request.Accept(RequestWorld.Staff(Thursday), scenario.Subjects, scenario.Calendar));

        Assert.Equal(RequestRules.OnlyALockedTokenCanBeRecovered, ex.Rule);
        Assert.Equal(RequestStatus.Received, scenario.Request.Status);
    }

    [Fact]
    public void RecordRecovered_WhenTheTokenIsNoLongerLocked_ThrowsWithoutChangingIt()
    {
        var scenario = new RequestScenario(RequestType.RecoverToken).Reach(RequestStatus.Accepted);
        scenario.Token!.ChangeStatus(TokenStatus.Lost, "Thất lạc", RequestWorld.AgencyUser(Thursday));

        var ex = Assert.Throws<DomainRuleException>(() => scenario.Request.RecordRecovered([scenario.Token], RequestWorld.Staff(Thursday)));

        Assert.Equal(RequestRules.OnlyALockedTokenCanBeRecovered, ex.Rule);
        Assert.Equal(0, scenario.Token.RecoveryCount);
    }

    [Fact]
    public void Reject_WithReasons_ClosesTheRequestAndLeavesTheTokenLocked()
    {
        var scenario = new RequestScenario(RequestType.RecoverToken).Reach(RequestStatus.Received);

        scenario.Request.Reject("Văn bản đề nghị không có chữ ký của người đứng đầu", RequestWorld.Staff(Thursday));

        Assert.Equal(RequestStatus.Rejected, scenario.Request.Status);
        Assert.Equal("Văn bản đề nghị không có chữ ký của người đứng đầu", scenario.Request.RejectionReason);
        Assert.Equal(TokenStatus.Locked, scenario.Token!.Status);
    }

    [Fact]
    public void AddRecoverTokenLine_ForATokenOfAnotherAgency_ThrowsLinesBelongToTheRequestAgency()
    {
        var token = _world.NewToken(TokenStatus.Locked, RequestWorld.OtherAgencyId);
        var request = RequestWorld.NewDraft(RequestType.RecoverToken, Thursday);

        var ex = Assert.Throws<DomainRuleException>(() => request.AddRecoverTokenLine(_world.Person, token));

        Assert.Equal(RequestRules.LinesBelongToTheRequestAgency, ex.Rule);
    }

    [Fact]
    public void AddRecoverTokenLine_TheSameTokenTwice_ThrowsTokenAppearsOncePerRequest()
    {
        var token = _world.NewToken(TokenStatus.Locked);
        var request = RequestWorld.NewDraft(RequestType.RecoverToken, Thursday);
        request.AddRecoverTokenLine(_world.Person, token);

        var ex = Assert.Throws<DomainRuleException>(() => request.AddRecoverTokenLine(_world.Person, token));

        Assert.Equal(RequestRules.TokenAppearsOncePerRequest, ex.Rule);
    }
}
