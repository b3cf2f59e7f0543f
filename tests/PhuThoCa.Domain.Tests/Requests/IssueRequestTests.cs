using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;

namespace PhuThoCa.Domain.Tests.Requests;

public class IssueRequestTests
{
    private static readonly DateTime Monday = RequestWorld.Monday;
    private readonly RequestWorld _world = new();
    private readonly WeekendOnlyCalendar _calendar = new();

    [Fact]
    public void IssueRequest_WithTwoLines_IsTrackedFromDraftToHandOver()
    {
        var request = RequestWorld.NewDraft(RequestType.Issue, Monday);
        var first = request.AddIssueLine(_world.Person);
        var second = request.AddIssueLine(_world.OtherPerson, "54aa01");

        request.Submit(RequestWorld.AgencyUser(Monday.AddHours(1)), RequestSubjects.None, accuracyConfirmed: true, RequestWorld.SentToCa(Monday.AddHours(1)));
        request.Receive(RequestWorld.Staff(Monday.AddHours(2)), _calendar, 7);

        Assert.Equal("01", request.FormNumber);
        Assert.Equal(RequestStatus.AwaitingCaResult, request.Status);
        Assert.Equal("SKHCN-2026-000007", request.ReceiptNumber);
        Assert.Equal(DeadlineStep.CaIssue, request.DueStep);
        Assert.Equal(new DateOnly(2026, 3, 5), request.DueDate);
        Assert.Null(request.ValidFromDate);

        var issuedOn = RequestWorld.Utc(Monday.AddDays(2));
        request.RecordCertificatesIssued(
        [
            new IssuedCertificate(first, "54:01:ab:cd", issuedOn, issuedOn.AddYears(5).AddDays(-1), "tk-0001"),
            new IssuedCertificate(second, "5401ABCE", issuedOn, issuedOn.AddYears(5).AddDays(-1), null),
        ], RequestWorld.Staff(Monday.AddDays(2)), new WeekendOnlyCalendar());

        Assert.Equal(RequestStatus.ResultReceived, request.Status);
        Assert.Equal(RequestWorld.Utc(Monday.AddHours(2)), request.CaWaitStartedAtUtc);
        Assert.Equal(RequestWorld.Utc(Monday.AddDays(2)), request.CaAnsweredAtUtc);
        Assert.Equal(2, request.CaWorkingDays);
        Assert.Equal("5401ABCD", first.ResultSerial);
        Assert.Equal("TK-0001", first.ResultTokenSerial);
        Assert.Equal(issuedOn.AddYears(5).AddDays(-1), first.ResultNotAfterUtc);
        Assert.Null(second.ResultTokenSerial);
        Assert.Equal("54AA01", second.PreviousCertificateSerial);
        Assert.Null(request.DueDate);

        request.HandOver("Nguyễn Văn An", new DateOnly(2026, 3, 5), RequestWorld.AgencyUser(Monday.AddDays(3)));

        Assert.Equal(RequestStatus.Completed, request.Status);
        Assert.False(request.IsOpen);
        Assert.Equal(RequestWorld.Utc(Monday.AddDays(3)), request.ClosedAtUtc);
        Assert.Equal("Nguyễn Văn An", request.HandedOverTo);
        Assert.Equal(
            [RequestAction.Submit, RequestAction.Receive, RequestAction.RecordCaResult, RequestAction.HandOver],
            request.History.Select(h => h.Action));
    }

    [Theory]
    [InlineData(SubscriberKind.Person, "01")]
    [InlineData(SubscriberKind.Organization, "02")]
    [InlineData(SubscriberKind.DeviceServiceSoftware, "03")]
    public void FormNumber_OfAnIssueRequest_FollowsTheSubscriberKindOfItsLines(SubscriberKind kind, string form)
    {
        var request = RequestWorld.NewDraft(RequestType.Issue, Monday);
        Assert.Null(request.FormNumber);

        request.AddIssueLine(_world.NewSubscriber(kind, "Thuê bao", "tb@phutho.gov.vn"));

        Assert.Equal(form, request.FormNumber);
    }

    [Fact]
    public void AddIssueLine_OfAnotherSubscriberKind_ThrowsIssueRequestCoversOneSubscriberKind()
    {
        var request = RequestWorld.NewDraft(RequestType.Issue, Monday);
        request.AddIssueLine(_world.Person);

        var ex = Assert.Throws<DomainRuleException>(() => request.AddIssueLine(_world.Organization));

        Assert.Equal(RequestRules.IssueRequestCoversOneSubscriberKind, ex.Rule);
        Assert.Contains("Mẫu số 01", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddIssueLine_ForAnInactiveSubscriber_ThrowsInactiveSubscriberCannotBeIssuedACertificate()
    {
        var request = RequestWorld.NewDraft(RequestType.Issue, Monday);
        _world.Person.Deactivate();

        var ex = Assert.Throws<DomainRuleException>(() => request.AddIssueLine(_world.Person));

        Assert.Equal(RequestRules.InactiveSubscriberCannotBeIssuedACertificate, ex.Rule);
    }

    [Fact]
    public void RecordCertificatesIssued_ValidForMoreThanFiveYears_ThrowsNewCertificateIsValidAtMost5Years()
    {
        var scenario = new RequestScenario(RequestType.Issue).Reach(RequestStatus.AwaitingCaResult);
        var from = RequestWorld.Utc(Monday);

        var ex = Assert.Throws<DomainRuleException>(() => scenario.Request.RecordCertificatesIssued(
            [new IssuedCertificate(scenario.Request.Lines[0], "5401", from, from.AddYears(5).AddDays(1), null)],
            RequestWorld.Staff(Monday.AddDays(1)), new WeekendOnlyCalendar()));

        Assert.Equal(RequestRules.NewCertificateIsValidAtMost5Years, ex.Rule);
        Assert.Equal(RequestStatus.AwaitingCaResult, scenario.Request.Status);
        Assert.Null(scenario.Request.Lines[0].ResultSerial);
    }

    [Fact]
    public void RecordCertificatesIssued_WhenALineHasNoResult_ThrowsEveryLineNeedsACaResult()
    {
        var request = RequestWorld.NewDraft(RequestType.Issue, Monday);
        var first = request.AddIssueLine(_world.Person);
        request.AddIssueLine(_world.OtherPerson);
        request.Submit(RequestWorld.AgencyUser(Monday.AddHours(1)), RequestSubjects.None, accuracyConfirmed: true, RequestWorld.SentToCa(Monday.AddHours(1)));
        request.Receive(RequestWorld.Staff(Monday.AddHours(2)), _calendar, 1);
        var from = RequestWorld.Utc(Monday);

        var ex = Assert.Throws<DomainRuleException>(() => request.RecordCertificatesIssued(
            [new IssuedCertificate(first, "5401", from, from.AddYears(1), null)], RequestWorld.Staff(Monday.AddDays(1)), new WeekendOnlyCalendar()));

        Assert.Equal(RequestRules.EveryLineNeedsACaResult, ex.Rule);
        Assert.Contains("Trần Thị Bình", ex.Message, StringComparison.Ordinal);
        Assert.Null(first.ResultSerial);
    }

    [Fact]
    public void RecordCertificatesIssued_WithAnInvalidSerial_ThrowsSerialMustBeHexadecimal()
    {
        var scenario = new RequestScenario(RequestType.Issue).Reach(RequestStatus.AwaitingCaResult);
        var from = RequestWorld.Utc(Monday);

        var ex = Assert.Throws<DomainRuleException>(() => scenario.Request.RecordCertificatesIssued(
            [new IssuedCertificate(scenario.Request.Lines[0], "XYZ", from, from.AddYears(1), null)], RequestWorld.Staff(Monday), new WeekendOnlyCalendar()));

        Assert.Equal(CertificateRules.SerialMustBeHexadecimal, ex.Rule);
    }

    [Fact]
    public void RecordCaRejection_OfAnIssueRequest_ClosesItAsRejectedByTheCa()
    {
        var scenario = new RequestScenario(RequestType.Issue).Reach(RequestStatus.AwaitingCaResult);

        scenario.Request.RecordCaRejection("Hồ sơ thiếu quyết định thành lập", RequestWorld.Staff(Monday.AddDays(1)), new WeekendOnlyCalendar());

        Assert.Equal(RequestStatus.RejectedByCa, scenario.Request.Status);
        Assert.Equal(1, scenario.Request.CaWorkingDays);
        Assert.Equal("Hồ sơ thiếu quyết định thành lập", scenario.Request.RejectionReason);
        Assert.Equal("Hồ sơ thiếu quyết định thành lập", scenario.Request.History[^1].Note);
        Assert.False(scenario.Request.IsOpen);
    }

    [Fact]
    public void CaWorkingDays_OfAnAnswerAfterAWeekend_CountsOnlyTheWorkingDays()
    {
        var friday = Monday.AddDays(4);
        var request = RequestWorld.NewDraft(RequestType.Issue, friday);
        var line = request.AddIssueLine(_world.Person);
        request.Submit(RequestWorld.AgencyUser(friday.AddHours(1)), RequestSubjects.None, accuracyConfirmed: true, RequestWorld.SentToCa(friday.AddHours(1)));
        request.Receive(RequestWorld.Staff(friday.AddHours(2)), _calendar, 8);

        Assert.Null(request.CaWorkingDays);
        request.RecordCaRejection("Thiếu quyết định", RequestWorld.Staff(friday.AddDays(4)), _calendar);

        // Friday to Tuesday: Monday and Tuesday, the start day not counted.
        Assert.Equal(2, request.CaWorkingDays);
        Assert.NotNull(line);
    }

    [Theory]
    [InlineData("Viettel", "Viettel")]
    [InlineData(" vinaphone ", "Vinaphone")]
    [InlineData("mobifone/CS", "Mobifone/cs")]
    [InlineData("Viettel / cs", "Viettel/cs")]
    public void AddIssueLine_WithSimPki_KeepsTheCarrierAsTheFormWritesIt(string typed, string stored)
    {
        var request = RequestWorld.NewDraft(RequestType.Issue, Monday);

        var line = request.AddIssueLine(_world.Person, simPki: typed);

        Assert.Equal(stored, line.SimPki);
    }

    [Fact]
    public void AddIssueLine_WithoutSimPki_LeavesTheColumnBlank()
    {
        var request = RequestWorld.NewDraft(RequestType.Issue, Monday);

        Assert.Null(request.AddIssueLine(_world.Person, simPki: "  ").SimPki);
    }

    [Fact]
    public void AddIssueLine_SimPkiThatIsNoCarrier_IsRefusedAndNothingIsAdded()
    {
        var request = RequestWorld.NewDraft(RequestType.Issue, Monday);

        var ex = Assert.Throws<DomainRuleException>(() => request.AddIssueLine(_world.Person, simPki: "VNPT"));

        Assert.Equal(RequestRules.SimPkiMustNameACarrier, ex.Rule);
        Assert.Contains("Viettel, Vinaphone hoặc Mobifone", ex.Message, StringComparison.Ordinal);
        Assert.Empty(request.Lines);
    }

    [Fact]
    public void AddIssueLine_SimPkiForAnOrganization_IsRefused()
    {
        var request = RequestWorld.NewDraft(RequestType.Issue, Monday);

        var ex = Assert.Throws<DomainRuleException>(() => request.AddIssueLine(_world.Organization, simPki: "Viettel"));

        Assert.Equal(RequestRules.SimPkiIsForPersons, ex.Rule);
        Assert.Empty(request.Lines);
    }

    [Fact]
    public void AddIssueLine_ConvertingTheNumberOfAPersonWithoutAMobileNumber_IsRefused()
    {
        var request = RequestWorld.NewDraft(RequestType.Issue, Monday);
        var noPhone = _world.NewSubscriber(SubscriberKind.Person, "Phạm Thị Dung", "dung.pt@phutho.gov.vn");
        noPhone.Update(new SubscriberDetails(SubscriberKind.Person, "Phạm Thị Dung", "Chuyên viên", "001234567890",
            null, null, null, "dung.pt@phutho.gov.vn", Phone: null, null, null, null, null));

        var ex = Assert.Throws<DomainRuleException>(() => request.AddIssueLine(noPhone, simPki: "Viettel/cs"));
        var newSim = request.AddIssueLine(noPhone, simPki: "Viettel");

        Assert.Equal(RequestRules.SimPkiConversionNeedsAMobileNumber, ex.Rule);
        Assert.Equal("Viettel", newSim.SimPki);
    }

    [Fact]
    public void A_letter_to_the_Cuc_is_sent_with_when_and_how_and_the_date_must_fit_the_letter()
    {
        var missing = RequestWorld.NewDraft(RequestType.Issue, Monday);
        missing.AddIssueLine(_world.Person);
        var early = RequestWorld.NewDraft(RequestType.Issue, Monday);
        early.AddIssueLine(_world.Person);
        var future = RequestWorld.NewDraft(RequestType.Issue, Monday);
        future.AddIssueLine(_world.Person);
        var sent = RequestWorld.NewDraft(RequestType.Issue, Monday);
        sent.AddIssueLine(_world.Person);
        var agency = RequestWorld.AgencyUser(Monday.AddDays(1));

        var none = Assert.Throws<DomainRuleException>(() => missing.Submit(agency, RequestSubjects.None, accuracyConfirmed: true));
        var before = Assert.Throws<DomainRuleException>(() => early.Submit(agency, RequestSubjects.None, accuracyConfirmed: true,
            new CaDispatch(CaDispatchChannel.Post, DateOnly.FromDateTime(Monday).AddDays(-1))));
        var after = Assert.Throws<DomainRuleException>(() => future.Submit(agency, RequestSubjects.None, accuracyConfirmed: true,
            new CaDispatch(CaDispatchChannel.Post, DateOnly.FromDateTime(Monday).AddDays(2))));
        sent.Submit(agency, RequestSubjects.None, accuracyConfirmed: true, new CaDispatch(CaDispatchChannel.CaPublicServicePortal, DateOnly.FromDateTime(Monday)));

        Assert.Equal(RequestRules.LetterToTheCucNeedsItsDispatch, none.Rule);
        Assert.Contains("vui lòng ghi hình thức gửi và ngày gửi", none.Message, StringComparison.Ordinal);
        Assert.Equal(RequestRules.DispatchDateFitsTheLetter, before.Rule);
        Assert.Contains("Ngày gửi văn bản tới Cục phải từ ngày văn bản (02/03/2026) đến hôm nay.", before.Message, StringComparison.Ordinal);
        Assert.Equal(RequestRules.DispatchDateFitsTheLetter, after.Rule);
        Assert.Equal(RequestStatus.Draft, missing.Status);
        Assert.Equal(CaDispatchChannel.CaPublicServicePortal, sent.SentToCaVia);
        Assert.Equal(DateOnly.FromDateTime(Monday), sent.SentToCaOn);
        Assert.Equal("Đã gửi văn bản tới Cục CTS&BMTT qua Hệ thống dichvucong.ca.gov.vn ngày 02/03/2026", sent.CaDispatchText);
        Assert.Contains(sent.CaDispatchText!, sent.History[^1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_letter_to_So_records_no_dispatch_to_the_Cuc()
    {
        var certificate = _world.NewCertificate(_world.Person, DateOnly.FromDateTime(Monday).AddDays(100));
        var request = RequestWorld.NewDraft(RequestType.Renew, Monday);
        request.AddRenewLine(_world.Person, certificate);

        request.Submit(RequestWorld.AgencyUser(Monday), RequestSubjects.Of(certificate), accuracyConfirmed: true,
            new CaDispatch(CaDispatchChannel.Post, DateOnly.FromDateTime(Monday)));

        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Null(request.SentToCaVia);
        Assert.Null(request.CaDispatchText);
    }
}
