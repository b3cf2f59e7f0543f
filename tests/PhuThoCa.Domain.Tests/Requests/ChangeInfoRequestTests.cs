using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;

namespace PhuThoCa.Domain.Tests.Requests;

public class ChangeInfoRequestTests
{
    private static readonly DateTime Monday = RequestWorld.Monday;
    private static readonly DateOnly MondayDate = DateOnly.FromDateTime(Monday);
    private readonly RequestWorld _world = new();
    private readonly WeekendOnlyCalendar _calendar = new();

    [Fact]
    public void ChangeInfoRequest_ForARenamedOrganisation_ChangesTheCertificateAndKeepsItsExpiry()
    {
        var certificate = _world.NewCertificate(_world.Organization, MondayDate.AddDays(400));
        var notAfter = certificate.NotAfterUtc;
        var request = RequestWorld.NewDraft(RequestType.ChangeInfo, Monday);
        var line = request.AddChangeInfoLine(_world.Organization, certificate, ChangeInfoCase.OrganizationRenamed,
            "UBND xã Xuân Đài", "UBND xã Xuân Đài mới");
        Assert.Equal("04", request.FormNumber);
        Assert.Equal("Tên cơ quan, tổ chức", ChangeInfoCases.Field(line.ChangeCase!.Value));
        var subjects = RequestSubjects.Of(certificate);

        request.Submit(RequestWorld.AgencyUser(Monday.AddHours(1)), subjects, accuracyConfirmed: true, RequestWorld.SentToCa(Monday.AddHours(1)));
        request.Receive(RequestWorld.Staff(Monday.AddHours(2)), _calendar, 9);
        request.Accept(RequestWorld.Staff(Monday.AddHours(3)), subjects, _calendar);
        request.RecordFiledOnCaPortal("HS-9", RequestWorld.Staff(Monday.AddHours(4)), _calendar);
        request.RecordCertificatesChanged(
            [new ChangedCertificate(certificate, new CertificateDetails("54CC01", "CN=UBND XÃ XUÂN ĐÀI MỚI, L=Phú Thọ, C=VN",
                certificate.Issuer, RequestWorld.Utc(Monday.AddDays(1)), notAfter, KeyStorageKind.PkiToken))],
            RequestWorld.Staff(Monday.AddDays(1)), new WeekendOnlyCalendar());

        Assert.Equal(RequestStatus.ResultReceived, request.Status);
        Assert.Equal(notAfter, certificate.NotAfterUtc);
        Assert.Equal("CN=UBND XÃ XUÂN ĐÀI MỚI, L=Phú Thọ, C=VN", certificate.SubjectDn);
        Assert.Equal(0, certificate.RenewalCount);
        Assert.Equal("54CC01", line.ResultSerial);
        Assert.Equal(notAfter, line.ResultNotAfterUtc);
        Assert.Contains("Chủ thể", line.ResultNote, StringComparison.Ordinal);

        request.HandOver("Phạm Thị Dung", new DateOnly(2026, 3, 3), RequestWorld.Staff(Monday.AddDays(1)));
        Assert.Equal(RequestStatus.Completed, request.Status);
    }

    [Fact]
    public void RecordCertificatesChanged_WithAnotherExpiry_ThrowsChangeOfInformationKeepsTheExpiryDate()
    {
        var scenario = new RequestScenario(RequestType.ChangeInfo).Reach(RequestStatus.AwaitingCaResult);
        var certificate = scenario.Certificate!;
        var subject = certificate.SubjectDn;

        var ex = Assert.Throws<DomainRuleException>(() => scenario.Request.RecordCertificatesChanged(
            [new ChangedCertificate(certificate, new CertificateDetails("54CC02", "CN=Khác", certificate.Issuer,
                certificate.NotBeforeUtc, certificate.NotAfterUtc.AddDays(1), KeyStorageKind.PkiToken))],
            RequestWorld.Staff(Monday.AddDays(1)), new WeekendOnlyCalendar()));

        Assert.Equal(RequestRules.ChangeOfInformationKeepsTheExpiryDate, ex.Rule);
        Assert.Equal(subject, certificate.SubjectDn);
        Assert.Equal(RequestStatus.AwaitingCaResult, scenario.Request.Status);
    }

    [Fact]
    public void Submit_With29DaysLeft_ThrowsChangeNeedsAtLeast30DaysOfValidityLeft()
    {
        var certificate = _world.NewCertificate(_world.Person, MondayDate.AddDays(29));
        var request = RequestWorld.NewDraft(RequestType.ChangeInfo, Monday);
        request.AddChangeInfoLine(_world.Person, certificate, ChangeInfoCase.PersonChangedAgency, "UBND xã Xuân Đài", "Sở Nội vụ");

        var ex = Assert.Throws<DomainRuleException>(() => request.Submit(RequestWorld.AgencyUser(Monday), RequestSubjects.Of(certificate), accuracyConfirmed: true, RequestWorld.SentToCa(Monday)));

        Assert.Equal(nameof(EligibilityProblem.ChangeNeedsAtLeast30DaysOfValidityLeft), ex.Rule);
    }

    [Fact]
    public void Accept_WhenOnly29DaysAreLeftOnTheAcceptanceDay_AcceptsBecauseTheFilingDayCounts()
    {
        var certificate = _world.NewCertificate(_world.Person, MondayDate.AddDays(30));
        var request = RequestWorld.NewDraft(RequestType.ChangeInfo, Monday);
        request.AddChangeInfoLine(_world.Person, certificate, ChangeInfoCase.PersonChangedAgency, "UBND xã Xuân Đài", "Sở Nội vụ");
        request.Submit(RequestWorld.AgencyUser(Monday.AddHours(1)), RequestSubjects.Of(certificate), accuracyConfirmed: true, RequestWorld.SentToCa(Monday.AddHours(1)));
        request.Receive(RequestWorld.Staff(Monday.AddHours(2)), _calendar, 1);

        // NĐ 68/2024 Điều 14, QĐ-PT Điều 5.2: judged on the filing day (Monday, 30 days left), not on Tuesday's acceptance.
        var warning = Assert.Single(request.FindValidityWarnings(RequestSubjects.Of(certificate), MondayDate.AddDays(1), EligibilityJudgedOn.Submission));
        Assert.Equal(nameof(EligibilityProblem.ChangeNeedsAtLeast30DaysOfValidityLeft), warning.Rule);

        request.Accept(RequestWorld.Staff(Monday.AddDays(1)), RequestSubjects.Of(certificate), _calendar);

        Assert.Equal(RequestStatus.Accepted, request.Status);
    }

    [Fact]
    public void Submit_ForACertificateRenewedOnce_IsAccepted()
    {
        var certificate = _world.NewCertificate(_world.Person, MondayDate.AddDays(300));
        certificate.RecordEarlierRenewal(_world.NewCertificate(_world.Person, MondayDate.AddDays(-400)));
        var request = RequestWorld.NewDraft(RequestType.ChangeInfo, Monday);
        request.AddChangeInfoLine(_world.Person, certificate, ChangeInfoCase.PersonChangedAgency, "UBND xã Xuân Đài", "Sở Nội vụ");

        request.Submit(RequestWorld.AgencyUser(Monday), RequestSubjects.Of(certificate), accuracyConfirmed: true, RequestWorld.SentToCa(Monday));

        Assert.Equal(RequestStatus.Submitted, request.Status);
    }

    [Theory]
    [InlineData(ChangeInfoCase.OrganizationRenamed)]
    [InlineData(ChangeInfoCase.DeviceUpgraded)]
    public void AddChangeInfoLine_WithACaseOfAnotherSubscriberKind_ThrowsChangeCaseMustFitTheSubscriberKind(ChangeInfoCase change)
    {
        var certificate = _world.NewCertificate(_world.Person, MondayDate.AddDays(300));
        var request = RequestWorld.NewDraft(RequestType.ChangeInfo, Monday);

        var ex = Assert.Throws<DomainRuleException>(() => request.AddChangeInfoLine(_world.Person, certificate, change, "A", "B"));

        Assert.Equal(RequestRules.ChangeCaseMustFitTheSubscriberKind, ex.Rule);
    }

    [Theory]
    [InlineData("Sở Nội vụ", "sở nội vụ")]
    [InlineData("", "Sở Nội vụ")]
    [InlineData("Sở Nội vụ", "  ")]
    public void AddChangeInfoLine_WithoutTwoDifferentValues_ThrowsChangeNeedsDifferentOldAndNewValues(string oldValue, string newValue)
    {
        var certificate = _world.NewCertificate(_world.Person, MondayDate.AddDays(300));
        var request = RequestWorld.NewDraft(RequestType.ChangeInfo, Monday);

        var ex = Assert.Throws<DomainRuleException>(() =>
            request.AddChangeInfoLine(_world.Person, certificate, ChangeInfoCase.PersonChangedAgency, oldValue, newValue));

        Assert.Equal(RequestRules.ChangeNeedsDifferentOldAndNewValues, ex.Rule);
    }

    [Fact]
    public void AddChangeInfoLine_WithAPrivateNewEmail_ThrowsNewOfficialEmailMustBeIssuedByAStateBody()
    {
        var certificate = _world.NewCertificate(_world.Person, MondayDate.AddDays(300));
        var request = RequestWorld.NewDraft(RequestType.ChangeInfo, Monday);

        var ex = Assert.Throws<DomainRuleException>(() => request.AddChangeInfoLine(_world.Person, certificate,
            ChangeInfoCase.PersonChangedOfficialEmail, "an.nv@phutho.gov.vn", "an.nv@gmail.com"));

        Assert.Equal(RequestRules.NewOfficialEmailMustBeIssuedByAStateBody, ex.Rule);
    }

    [Fact]
    public void AddChangeInfoLine_TwoCasesForOneCertificate_AreOneResultLater()
    {
        var certificate = _world.NewCertificate(_world.Organization, MondayDate.AddDays(300));
        var request = RequestWorld.NewDraft(RequestType.ChangeInfo, Monday);
        request.AddChangeInfoLine(_world.Organization, certificate, ChangeInfoCase.OrganizationRenamed, "Xã A", "Xã B");
        request.AddChangeInfoLine(_world.Organization, certificate, ChangeInfoCase.OrganizationMoved, "Thôn 1", "Thôn 2");

        var ex = Assert.Throws<DomainRuleException>(() =>
            request.AddChangeInfoLine(_world.Organization, certificate, ChangeInfoCase.OrganizationMoved, "Thôn 1", "Thôn 3"));

        Assert.Equal(RequestRules.CertificateAppearsOncePerRequest, ex.Rule);
        Assert.Equal(2, request.Lines.Count);
    }
}
