using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;

namespace PhuThoCa.Domain.Tests.Requests;

public class RenewRequestTests
{
    private static readonly DateTime Monday = RequestWorld.Monday;
    private static readonly DateOnly MondayDate = DateOnly.FromDateTime(Monday);
    private readonly RequestWorld _world = new();
    private readonly WeekendOnlyCalendar _calendar = new();

    [Fact]
    public void RenewRequest_EndToEnd_RenewsTheCertificateOnceAndHandsItOver()
    {
        var certificate = _world.NewCertificate(_world.Person, MondayDate.AddDays(100));
        var request = RequestWorld.NewDraft(RequestType.Renew, Monday);
        var line = request.AddRenewLine(_world.Person, certificate);
        Assert.Equal("04", request.FormNumber);
        Assert.Equal(RequestRecipient.ScienceDepartment, RequestTypes.Recipient(request.Type));
        Assert.Null(RequestTypes.CopyRecipient(request.Type));

        request.Submit(RequestWorld.AgencyUser(Monday.AddHours(1)), RequestSubjects.Of(certificate), accuracyConfirmed: true, RequestWorld.SentToCa(Monday.AddHours(1)));
        request.Receive(RequestWorld.Staff(Monday.AddHours(2)), _calendar, 123);

        Assert.Equal(RequestStatus.Received, request.Status);
        Assert.Equal(MondayDate, request.ValidFromDate);
        Assert.Equal(new DateOnly(2026, 3, 5), request.DueDate);
        Assert.Equal(DeadlineStep.FileOnCaPortal, request.DueStep);

        request.Accept(RequestWorld.Staff(Monday.AddDays(1)), RequestSubjects.Of(certificate), _calendar);
        Assert.Equal(RequestStatus.Accepted, request.Status);
        Assert.Equal(new DateOnly(2026, 3, 5), request.DueDate);

        request.RecordFiledOnCaPortal("HS-000123-2026", RequestWorld.Staff(Monday.AddDays(2)), _calendar);
        Assert.Equal(RequestStatus.AwaitingCaResult, request.Status);
        Assert.Equal("HS-000123-2026", request.CaDossierCode);
        Assert.Equal(DeadlineStep.CaRenewOrChange, request.DueStep);
        Assert.Equal(new DateOnly(2026, 3, 9), request.DueDate);

        var renewed = RequestWorld.Details("54FF01", Monday.AddDays(3), Monday.AddDays(100).AddYears(3));
        var successors = request.RecordCertificatesRenewed([new RenewedCertificate(certificate, renewed)], RequestWorld.Staff(Monday.AddDays(3)), new WeekendOnlyCalendar());

        var successor = Assert.Single(successors);
        Assert.Equal(1, successor.RenewalCount);
        Assert.Equal(certificate.Id, successor.PredecessorId);
        Assert.Equal(CertificateStatus.Superseded, certificate.Status);
        Assert.Equal("54FF01", line.ResultSerial);
        Assert.Equal(RequestStatus.ResultReceived, request.Status);

        request.HandOver(request.Contact.FullName!, new DateOnly(2026, 3, 6), RequestWorld.Staff(Monday.AddDays(4)));

        Assert.Equal(RequestStatus.Completed, request.Status);
        Assert.Equal("Phạm Thị Dung", request.HandedOverTo);
        Assert.Equal(MondayDate, request.ValidFromDate);
        Assert.Null(request.DueDate);
    }

    [Fact]
    public void Submit_With29DaysLeft_ThrowsRenewalNeedsAtLeast30DaysOfValidityLeft()
    {
        var certificate = _world.NewCertificate(_world.Person, MondayDate.AddDays(29));
        var request = RequestWorld.NewDraft(RequestType.Renew, Monday);
        request.AddRenewLine(_world.Person, certificate);

        var ex = Assert.Throws<DomainRuleException>(() => request.Submit(RequestWorld.AgencyUser(Monday), RequestSubjects.Of(certificate), accuracyConfirmed: true, RequestWorld.SentToCa(Monday)));

        Assert.Equal(nameof(EligibilityProblem.RenewalNeedsAtLeast30DaysOfValidityLeft), ex.Rule);
        Assert.Contains("hiện chỉ còn 29 ngày", ex.Message, StringComparison.Ordinal);
        Assert.Contains(certificate.SerialNumber, ex.Message, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Draft, request.Status);
        Assert.Empty(request.History);
    }

    [Fact]
    public void Submit_WithExactly30DaysLeft_IsAccepted()
    {
        var certificate = _world.NewCertificate(_world.Person, MondayDate.AddDays(30));
        var request = RequestWorld.NewDraft(RequestType.Renew, Monday);
        request.AddRenewLine(_world.Person, certificate);

        request.Submit(RequestWorld.AgencyUser(Monday), RequestSubjects.Of(certificate), accuracyConfirmed: true, RequestWorld.SentToCa(Monday));

        Assert.Equal(RequestStatus.Submitted, request.Status);
    }

    [Fact]
    public void Accept_WhenOnly29DaysAreLeftOnTheAcceptanceDay_AcceptsBecauseTheFilingDayCounts_AndWarns()
    {
        // NĐ 68/2024 Điều 12, QĐ-PT Điều 5.1: "còn thời hạn ít nhất 30 ngày" is judged on the day the agency files.
        var certificate = _world.NewCertificate(_world.Person, MondayDate.AddDays(30));
        var request = RequestWorld.NewDraft(RequestType.Renew, Monday);
        request.AddRenewLine(_world.Person, certificate);
        request.Submit(RequestWorld.AgencyUser(Monday.AddHours(1)), RequestSubjects.Of(certificate), accuracyConfirmed: true, RequestWorld.SentToCa(Monday.AddHours(1)));
        request.Receive(RequestWorld.Staff(Monday.AddHours(2)), _calendar, 1);
        var tuesdayDate = MondayDate.AddDays(1);

        Assert.Empty(request.FindAcceptanceProblems(RequestSubjects.Of(certificate), tuesdayDate, EligibilityJudgedOn.Submission));
        var warning = Assert.Single(request.FindValidityWarnings(RequestSubjects.Of(certificate), tuesdayDate, EligibilityJudgedOn.Submission));
        Assert.Equal(nameof(EligibilityProblem.RenewalNeedsAtLeast30DaysOfValidityLeft), warning.Rule);
        Assert.Contains("29", warning.Message, StringComparison.Ordinal);

        request.Accept(RequestWorld.Staff(Monday.AddDays(1)), RequestSubjects.Of(certificate), _calendar);

        Assert.Equal(RequestStatus.Accepted, request.Status);
        Assert.Equal(MondayDate, request.EligibilityDate(EligibilityJudgedOn.Submission));
    }

    [Fact]
    public void Accept_FiledWithExactly30DaysLeftOnAFriday_ReceivedTheSameDay_AcceptedOnMonday_IsAccepted()
    {
        var friday = new DateTime(2026, 2, 27, 16, 0, 0, DateTimeKind.Unspecified);
        var fridayDate = new DateOnly(2026, 2, 27);
        Assert.Equal(DayOfWeek.Friday, fridayDate.DayOfWeek);
        var certificate = _world.NewCertificate(_world.Person, fridayDate.AddDays(30)); // 29/03/2026: exactly 30 days on Friday
        var request = RequestWorld.NewDraft(RequestType.Renew, friday);
        request.AddRenewLine(_world.Person, certificate);
        request.Submit(RequestWorld.AgencyUser(friday), RequestSubjects.Of(certificate), accuracyConfirmed: true, RequestWorld.SentToCa(friday));
        request.Receive(RequestWorld.Staff(friday.AddMinutes(30)), _calendar, 1);

        request.Accept(RequestWorld.Staff(new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Unspecified)), RequestSubjects.Of(certificate), _calendar);

        Assert.Equal(RequestStatus.Accepted, request.Status);
        Assert.Equal(fridayDate, request.EligibilityDate(EligibilityJudgedOn.Submission));
        Assert.Equal(fridayDate, request.EligibilityDate(EligibilityJudgedOn.Receipt));
    }

    [Fact]
    public void Accept_JudgedOnReceipt_ReceivedWhenOnly29DaysWereLeft_ThrowsRenewalNeedsAtLeast30DaysOfValidityLeft()
    {
        var calendar = new WeekendOnlyCalendar(RequestDeadlineSettings.Default with { EligibilityJudgedOn = EligibilityJudgedOn.Receipt });
        var certificate = _world.NewCertificate(_world.Person, MondayDate.AddDays(30));
        var request = RequestWorld.NewDraft(RequestType.Renew, Monday);
        request.AddRenewLine(_world.Person, certificate);
        request.Submit(RequestWorld.AgencyUser(Monday.AddHours(1)), RequestSubjects.Of(certificate), accuracyConfirmed: true, RequestWorld.SentToCa(Monday.AddHours(1)));
        request.Receive(RequestWorld.Staff(Monday.AddDays(1)), calendar, 1);

        var ex = Assert.Throws<DomainRuleException>(() =>
            request.Accept(RequestWorld.Staff(Monday.AddDays(1).AddHours(1)), RequestSubjects.Of(certificate), calendar));

        Assert.Equal(nameof(EligibilityProblem.RenewalNeedsAtLeast30DaysOfValidityLeft), ex.Rule);
        Assert.Equal(RequestStatus.Received, request.Status);
    }

    [Fact]
    public void Submit_WhenTheCertificateWasAlreadyRenewedOnce_ThrowsCertificateCanBeRenewedOnlyOnce()
    {
        var certificate = _world.NewCertificate(_world.Person, MondayDate.AddDays(300));
        certificate.RecordEarlierRenewal(_world.NewCertificate(_world.Person, MondayDate.AddDays(-400)));
        var request = RequestWorld.NewDraft(RequestType.Renew, Monday);
        request.AddRenewLine(_world.Person, certificate);

        var ex = Assert.Throws<DomainRuleException>(() => request.Submit(RequestWorld.AgencyUser(Monday), RequestSubjects.Of(certificate), accuracyConfirmed: true, RequestWorld.SentToCa(Monday)));

        Assert.Equal(nameof(EligibilityProblem.CertificateCanBeRenewedOnlyOnce), ex.Rule);
        Assert.Contains("01 lần", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accept_WhenTheCertificateWasRenewedMeanwhile_ThrowsCertificateCanBeRenewedOnlyOnce()
    {
        var certificate = _world.NewCertificate(_world.Person, MondayDate.AddDays(300));
        var request = RequestWorld.NewDraft(RequestType.Renew, Monday);
        request.AddRenewLine(_world.Person, certificate);
        request.Submit(RequestWorld.AgencyUser(Monday.AddHours(1)), RequestSubjects.Of(certificate), accuracyConfirmed: true, RequestWorld.SentToCa(Monday.AddHours(1)));
        request.Receive(RequestWorld.Staff(Monday.AddHours(2)), _calendar, 1);
        certificate.RecordEarlierRenewal(_world.NewCertificate(_world.Person, MondayDate.AddDays(-400)));

        var ex = Assert.Throws<DomainRuleException>(() =>
            request.Accept(RequestWorld.Staff(Monday.AddHours(3)), RequestSubjects.Of(certificate), _calendar));

        Assert.Equal(nameof(EligibilityProblem.CertificateCanBeRenewedOnlyOnce), ex.Rule);
        Assert.Equal(RequestStatus.Received, request.Status);
    }

    [Fact]
    public void Submit_ForASupersededCertificate_ThrowsCertificateWasAlreadyRenewed()
    {
        var certificate = _world.NewCertificate(_world.Person, MondayDate.AddDays(300));
        _world.NewCertificate(_world.Person, MondayDate.AddDays(2000)).RecordEarlierRenewal(certificate);
        var request = RequestWorld.NewDraft(RequestType.Renew, Monday);
        request.AddRenewLine(_world.Person, certificate);

        var ex = Assert.Throws<DomainRuleException>(() => request.Submit(RequestWorld.AgencyUser(Monday), RequestSubjects.Of(certificate), accuracyConfirmed: true, RequestWorld.SentToCa(Monday)));

        Assert.Equal(nameof(EligibilityProblem.CertificateWasAlreadyRenewed), ex.Rule);
    }

    [Fact]
    public void FindEligibilityProblems_RenewedOnceAndUnder30Days_ListsBoth()
    {
        var certificate = _world.NewCertificate(_world.Person, MondayDate.AddDays(10));
        certificate.RecordEarlierRenewal(_world.NewCertificate(_world.Person, MondayDate.AddDays(-400)));
        var request = RequestWorld.NewDraft(RequestType.Renew, Monday);
        request.AddRenewLine(_world.Person, certificate);

        var problems = request.FindEligibilityProblems(RequestSubjects.Of(certificate), MondayDate);

        Assert.Equal(
            [nameof(EligibilityProblem.CertificateCanBeRenewedOnlyOnce), nameof(EligibilityProblem.RenewalNeedsAtLeast30DaysOfValidityLeft)],
            problems.Select(p => p.Rule));
    }

    [Fact]
    public void RecordCertificatesRenewed_BeyondThreeYears_ThrowsRenewalExtendsAtMost3Years()
    {
        var scenario = new RequestScenario(RequestType.Renew).Reach(RequestStatus.AwaitingCaResult);
        var old = scenario.Certificate!;
        var renewed = old.NotAfterUtc.AddYears(3).AddDays(1);

        var ex = Assert.Throws<DomainRuleException>(() => scenario.Request.RecordCertificatesRenewed(
            [new RenewedCertificate(old, new CertificateDetails("54AB", old.SubjectDn, old.Issuer, old.NotBeforeUtc, renewed, KeyStorageKind.PkiToken))],
            RequestWorld.Staff(Monday.AddDays(1)), new WeekendOnlyCalendar()));

        Assert.Equal(RequestRules.RenewalExtendsAtMost3Years, ex.Rule);
        Assert.Equal(CertificateStatus.Valid, old.Status);
        Assert.Equal(RequestStatus.AwaitingCaResult, scenario.Request.Status);
    }

    [Fact]
    public void RecordCertificatesRenewed_NotLaterThanTheOldExpiry_ThrowsRenewalMustExtendTheValidity()
    {
        var scenario = new RequestScenario(RequestType.Renew).Reach(RequestStatus.AwaitingCaResult);
        var old = scenario.Certificate!;

        var ex = Assert.Throws<DomainRuleException>(() => scenario.Request.RecordCertificatesRenewed(
            [new RenewedCertificate(old, new CertificateDetails("54AB", old.SubjectDn, old.Issuer, old.NotBeforeUtc, old.NotAfterUtc, KeyStorageKind.PkiToken))],
            RequestWorld.Staff(Monday.AddDays(1)), new WeekendOnlyCalendar()));

        Assert.Equal(RequestRules.RenewalMustExtendTheValidity, ex.Rule);
    }

    [Fact]
    public void RecordCertificatesRenewed_WithoutTheResultOfEveryLine_ThrowsEveryLineNeedsACaResult()
    {
        var first = _world.NewCertificate(_world.Person, MondayDate.AddDays(100));
        var second = _world.NewCertificate(_world.OtherPerson, MondayDate.AddDays(100));
        var request = RequestWorld.NewDraft(RequestType.Renew, Monday);
        request.AddRenewLine(_world.Person, first);
        request.AddRenewLine(_world.OtherPerson, second);
        var subjects = RequestSubjects.Of(first, second);
        request.Submit(RequestWorld.AgencyUser(Monday.AddHours(1)), subjects, accuracyConfirmed: true, RequestWorld.SentToCa(Monday.AddHours(1)));
        request.Receive(RequestWorld.Staff(Monday.AddHours(2)), _calendar, 1);
        request.Accept(RequestWorld.Staff(Monday.AddHours(3)), subjects, _calendar);
        request.RecordFiledOnCaPortal("HS-1", RequestWorld.Staff(Monday.AddHours(4)), _calendar);

        var ex = Assert.Throws<DomainRuleException>(() => request.RecordCertificatesRenewed(
            [new RenewedCertificate(first, RequestWorld.Details("54AB", Monday, Monday.AddDays(100).AddYears(2)))],
            RequestWorld.Staff(Monday.AddDays(1)), new WeekendOnlyCalendar()));

        Assert.Equal(RequestRules.EveryLineNeedsACaResult, ex.Rule);
        Assert.Contains(second.SerialNumber, ex.Message, StringComparison.Ordinal);
        Assert.Equal(CertificateStatus.Valid, first.Status);
    }

    [Fact]
    public void RecordFiledOnCaPortal_WithoutADossierCode_ThrowsFilingNeedsTheCaDossierCode()
    {
        var scenario = new RequestScenario(RequestType.Renew).Reach(RequestStatus.Accepted);

        var ex = Assert.Throws<DomainRuleException>(() =>
            scenario.Request.RecordFiledOnCaPortal("  ", RequestWorld.Staff(Monday.AddDays(1)), scenario.Calendar));

        Assert.Equal(RequestRules.FilingNeedsTheCaDossierCode, ex.Rule);
    }

    [Fact]
    public void A_renewal_line_may_also_change_the_information_once_and_the_change_must_fit_the_subscriber()
    {
        var certificate = _world.NewCertificate(_world.Person, MondayDate.AddDays(100));
        var request = RequestWorld.NewDraft(RequestType.Renew, Monday);
        var line = request.AddRenewLine(_world.Person, certificate);
        Assert.False(request.RenewsWithAChange);

        var wrongKind = Assert.Throws<DomainRuleException>(() => request.AlsoChangeOnRenewal(line, _world.Person,
            ChangeInfoCase.OrganizationRenamed, "UBND xã A", "UBND xã B"));
        request.AlsoChangeOnRenewal(line, _world.Person, ChangeInfoCase.PersonChangedOfficialEmail, _world.Person.Email!, "Moi@PhuTho.gov.vn");
        var twice = Assert.Throws<DomainRuleException>(() => request.AlsoChangeOnRenewal(line, _world.Person,
            ChangeInfoCase.PersonChangedOfficialEmail, "moi@phutho.gov.vn", "khac@phutho.gov.vn"));

        Assert.Equal(RequestRules.ChangeCaseMustFitTheSubscriberKind, wrongKind.Rule);
        Assert.Equal(RequestRules.CertificateAppearsOncePerRequest, twice.Rule);
        Assert.True(request.RenewsWithAChange);
        Assert.Equal(ChangeInfoCase.PersonChangedOfficialEmail, line.ChangeCase);
        Assert.Equal("moi@phutho.gov.vn", line.NewValue);
        request.Submit(RequestWorld.AgencyUser(Monday.AddHours(1)), RequestSubjects.Of(certificate), accuracyConfirmed: true, RequestWorld.SentToCa(Monday.AddHours(1)));
        Assert.Throws<DomainRuleException>(() => request.AlsoChangeOnRenewal(line, _world.Person,
            ChangeInfoCase.PersonChangedAgency, "UBND xã A", "UBND xã B"));
    }
}
