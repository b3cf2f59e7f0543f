using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;

namespace PhuThoCa.Domain.Tests.Requests;

public class RequestRulesTests
{
    private static readonly DateTime Monday = RequestWorld.Monday;
    private static readonly DateOnly MondayDate = DateOnly.FromDateTime(Monday);
    private readonly RequestWorld _world = new();

    /// <summary>Every allowed move performed by Sở staff.</summary>
    public static TheoryData<RequestType, RequestStatus, RequestAction> ScienceDepartmentMoves()
    {
        var data = new TheoryData<RequestType, RequestStatus, RequestAction>();
        foreach (var (type, from, action, _) in RequestTransitions.All)
        {
            if (RequestActions.PerformedBy(type, action) == RequestParty.ScienceDepartment)
            {
                data.Add(type, from, action);
            }
        }

        return data;
    }

    [Fact]
    public void Accept_FromDraft_ThrowsTransitionMustBeInTheTableWithTheVietnameseMessage()
    {
        var scenario = new RequestScenario(RequestType.Renew);

        var ex = Assert.Throws<DomainRuleException>(() => scenario.Perform(RequestAction.Accept));

        Assert.Equal(RequestRules.TransitionMustBeInTheTable, ex.Rule);
        Assert.Equal("Không thể “Chấp nhận” yêu cầu đang ở trạng thái “Nháp”.", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Reject_WithoutAReason_ThrowsRejectionNeedsAReason(string reason)
    {
        var scenario = new RequestScenario(RequestType.Renew).Reach(RequestStatus.Received);

        var ex = Assert.Throws<DomainRuleException>(() => scenario.Request.Reject(reason, RequestWorld.Staff(Monday.AddDays(1))));

        Assert.Equal(RequestRules.RejectionNeedsAReason, ex.Rule);
        Assert.Equal(RequestStatus.Received, scenario.Request.Status);
    }

    [Fact]
    public void ReturnForSupplement_WithoutAReason_ThrowsReturnForSupplementNeedsAReason()
    {
        var scenario = new RequestScenario(RequestType.ChangeInfo).Reach(RequestStatus.Received);

        var ex = Assert.Throws<DomainRuleException>(() =>
            scenario.Request.ReturnForSupplement(" ", RequestWorld.Staff(Monday.AddDays(1)), scenario.Calendar));

        Assert.Equal(RequestRules.ReturnForSupplementNeedsAReason, ex.Rule);
    }

    [Fact]
    public void Cancel_WithoutAReason_ThrowsCancellationNeedsAReason()
    {
        var scenario = new RequestScenario(RequestType.Issue).Reach(RequestStatus.Submitted);

        var ex = Assert.Throws<DomainRuleException>(() => scenario.Request.Cancel("", RequestWorld.AgencyUser(Monday.AddDays(1))));

        Assert.Equal(RequestRules.CancellationNeedsAReason, ex.Rule);
    }

    [Fact]
    public void RecordCaRejection_WithoutAReason_ThrowsCaRejectionNeedsAReason()
    {
        var scenario = new RequestScenario(RequestType.Revoke).Reach(RequestStatus.AwaitingCaResult);

        var ex = Assert.Throws<DomainRuleException>(() => scenario.Request.RecordCaRejection("", RequestWorld.Staff(Monday.AddDays(1)), new WeekendOnlyCalendar()));

        Assert.Equal(RequestRules.CaRejectionNeedsAReason, ex.Rule);
    }

    [Fact]
    public void Reject_WithAReason_StoresItCleanedAndInTheHistory()
    {
        var scenario = new RequestScenario(RequestType.Renew).Reach(RequestStatus.Received);

        scenario.Request.Reject("  Chứng thư đã được gia hạn 01 lần  ", RequestWorld.Staff(Monday.AddDays(1)));

        Assert.Equal("Chứng thư đã được gia hạn 01 lần", scenario.Request.RejectionReason);
        Assert.Equal("Chứng thư đã được gia hạn 01 lần", scenario.Request.History[^1].Note);
    }

    [Theory]
    [MemberData(nameof(ScienceDepartmentMoves))]
    public void Perform_SoActionOnARequestTheStaffMemberFiled_ThrowsStaffCannotActOnTheirOwnRequest(RequestType type, RequestStatus from,
        RequestAction action)
    {
        var scenario = new RequestScenario(type, createdBy: RequestWorld.StaffUserId) { StaffUserId = RequestWorld.OtherStaffUserId };
        scenario.Reach(from);
        scenario.StaffUserId = RequestWorld.StaffUserId;

        var ex = Assert.Throws<DomainRuleException>(() => scenario.Perform(action));

        Assert.Equal(RequestRules.StaffCannotActOnTheirOwnRequest, ex.Rule);
        Assert.Equal(from, scenario.Request.Status);
    }

    [Fact]
    public void Receive_ByAnotherStaffMember_IsAllowedOnAStaffFiledRequest()
    {
        var scenario = new RequestScenario(RequestType.Renew, createdBy: RequestWorld.StaffUserId) { StaffUserId = RequestWorld.OtherStaffUserId };

        scenario.Reach(RequestStatus.Received);

        Assert.Equal(RequestWorld.OtherStaffUserId, scenario.Request.History[^1].ActorUserId);
    }

    [Fact]
    public void Submit_WithoutTheAccuracyConfirmation_ThrowsSubmissionNeedsTheAccuracyConfirmation()
    {
        var request = RequestWorld.NewDraft(RequestType.Issue, Monday);
        request.AddIssueLine(_world.Person);

        var ex = Assert.Throws<DomainRuleException>(() => request.Submit(RequestWorld.AgencyUser(Monday), RequestSubjects.None, accuracyConfirmed: false, RequestWorld.SentToCa(Monday)));

        Assert.Equal(RequestRules.SubmissionNeedsTheAccuracyConfirmation, ex.Rule);
        Assert.Equal(RequestStatus.Draft, request.Status);
    }

    [Fact]
    public void AddIssueLine_TheSameSubscriberTwice_ThrowsSubscriberAppearsOncePerIssueRequest()
    {
        var request = RequestWorld.NewDraft(RequestType.Issue, Monday);
        request.AddIssueLine(_world.Person);

        var ex = Assert.Throws<DomainRuleException>(() => request.AddIssueLine(_world.Person));

        Assert.Equal(RequestRules.SubscriberAppearsOncePerIssueRequest, ex.Rule);
        Assert.Single(request.Lines);
    }

    [Fact]
    public void Submit_WithoutLines_ThrowsRequestNeedsAtLeastOneLine()
    {
        var request = RequestWorld.NewDraft(RequestType.Issue, Monday);

        var ex = Assert.Throws<DomainRuleException>(() => request.Submit(RequestWorld.AgencyUser(Monday), RequestSubjects.None, accuracyConfirmed: true, RequestWorld.SentToCa(Monday)));

        Assert.Equal(RequestRules.RequestNeedsAtLeastOneLine, ex.Rule);
    }

    [Fact]
    public void Submit_WithoutTheLetterDetails_ThrowsSubmittedRequestNeedsTheLetterDetailsListingWhatIsMissing()
    {
        var request = RequestWorld.NewDraft(RequestType.Issue, Monday);
        request.AddIssueLine(_world.Person);
        request.UpdateLetter(new RequestLetter(" ", null, "Nguyễn Huy Hoàng", null));

        var ex = Assert.Throws<DomainRuleException>(() => request.Submit(RequestWorld.AgencyUser(Monday), RequestSubjects.None, accuracyConfirmed: true, RequestWorld.SentToCa(Monday)));

        Assert.Equal(RequestRules.SubmittedRequestNeedsTheLetterDetails, ex.Rule);
        Assert.Equal("Văn bản đề nghị còn thiếu: số văn bản, ngày văn bản, chức vụ người ký.", ex.Message);
    }

    [Fact]
    public void Submit_WithALetterDatedTomorrow_ThrowsLetterDateCannotBeInTheFuture()
    {
        var request = RequestWorld.NewDraft(RequestType.Issue, Monday);
        request.AddIssueLine(_world.Person);
        request.UpdateLetter(request.Letter with { Date = MondayDate.AddDays(1) });

        var ex = Assert.Throws<DomainRuleException>(() => request.Submit(RequestWorld.AgencyUser(Monday), RequestSubjects.None, accuracyConfirmed: true, RequestWorld.SentToCa(Monday)));

        Assert.Equal(RequestRules.LetterDateCannotBeInTheFuture, ex.Rule);
    }

    [Fact]
    public void Submit_WithoutTheContactPhone_ThrowsContactNeedsANameAndAPhone()
    {
        var request = RequestWorld.NewDraft(RequestType.Issue, Monday);
        request.AddIssueLine(_world.Person);
        request.UpdateContact(request.Contact with { Phone = null });

        var ex = Assert.Throws<DomainRuleException>(() => request.Submit(RequestWorld.AgencyUser(Monday), RequestSubjects.None, accuracyConfirmed: true, RequestWorld.SentToCa(Monday)));

        Assert.Equal(RequestRules.ContactNeedsANameAndAPhone, ex.Rule);
    }

    [Fact]
    public void UpdateContact_WithAnInvalidNationalId_ThrowsContactNationalIdMustHave12Digits()
    {
        var request = RequestWorld.NewDraft(RequestType.Issue, Monday);

        var ex = Assert.Throws<DomainRuleException>(() => request.UpdateContact(request.Contact with { NationalId = "12345" }));

        Assert.Equal(RequestRules.ContactNationalIdMustHave12Digits, ex.Rule);
    }

    [Fact]
    public void UpdateContact_WithAPrivateEmail_ThrowsContactEmailMustBeIssuedByAStateBody()
    {
        var request = RequestWorld.NewDraft(RequestType.Issue, Monday);

        var ex = Assert.Throws<DomainRuleException>(() => request.UpdateContact(request.Contact with { Email = "dung@yahoo.com" }));

        Assert.Equal(RequestRules.ContactEmailMustBeIssuedByAStateBody, ex.Rule);
    }

    [Fact]
    public void UpdateContact_CleansTheValues()
    {
        var request = RequestWorld.NewDraft(RequestType.Issue, Monday);

        request.UpdateContact(RequestContact.Empty with { FullName = "  Phạm Thị Dung ", Email = "Dung.PT@PhuTho.gov.vn", Workplace = "" });

        Assert.Equal("Phạm Thị Dung", request.Contact.FullName);
        Assert.Equal("dung.pt@phutho.gov.vn", request.Contact.Email);
        Assert.Null(request.Contact.Workplace);
    }

    [Fact]
    public void AddIssueLine_ForASubscriberOfAnotherAgency_ThrowsLinesBelongToTheRequestAgency()
    {
        var request = RequestWorld.NewDraft(RequestType.Issue, Monday);

        var ex = Assert.Throws<DomainRuleException>(() => request.AddIssueLine(_world.Outsider));

        Assert.Equal(RequestRules.LinesBelongToTheRequestAgency, ex.Rule);
        Assert.Empty(request.Lines);
    }

    [Fact]
    public void AddRenewLine_WithACertificateOfAnotherSubscriber_ThrowsCertificateMustBelongToTheSubscriber()
    {
        var certificate = _world.NewCertificate(_world.OtherPerson, MondayDate.AddDays(100));
        var request = RequestWorld.NewDraft(RequestType.Renew, Monday);

        var ex = Assert.Throws<DomainRuleException>(() => request.AddRenewLine(_world.Person, certificate));

        Assert.Equal(RequestRules.CertificateMustBelongToTheSubscriber, ex.Rule);
    }

    [Fact]
    public void AddRenewLine_TheSameCertificateTwice_ThrowsCertificateAppearsOncePerRequest()
    {
        var certificate = _world.NewCertificate(_world.Person, MondayDate.AddDays(100));
        var request = RequestWorld.NewDraft(RequestType.Renew, Monday);
        request.AddRenewLine(_world.Person, certificate);

        var ex = Assert.Throws<DomainRuleException>(() => request.AddRenewLine(_world.Person, certificate));

        Assert.Equal(RequestRules.CertificateAppearsOncePerRequest, ex.Rule);
    }

    [Fact]
    public void AddRevokeLine_WithATokenTheCertificateIsNotOn_ThrowsTokenMustBelongToTheCertificate()
    {
        var certificate = _world.NewCertificate(_world.Person, MondayDate.AddDays(100), _world.NewToken());
        var request = RequestWorld.NewDraft(RequestType.Revoke, Monday);

        var ex = Assert.Throws<DomainRuleException>(() =>
            request.AddRevokeLine(_world.Person, certificate, _world.NewToken(), RevocationReason.Resigned, null));

        Assert.Equal(RequestRules.TokenMustBelongToTheCertificate, ex.Rule);
    }

    [Fact]
    public void AddRenewLine_ToAnIssueRequest_IsAProgrammingError()
    {
        var certificate = _world.NewCertificate(_world.Person, MondayDate.AddDays(100));
        var request = RequestWorld.NewDraft(RequestType.Issue, Monday);

        Assert.Throws<InvalidOperationException>(() => request.AddRenewLine(_world.Person, certificate));
    }

    [Fact]
    public void Submit_WhenTheCertificateChangedHands_ThrowsCertificateMustBelongToTheSubscriber()
    {
        var certificate = _world.NewCertificate(_world.Person, MondayDate.AddDays(100));
        var request = RequestWorld.NewDraft(RequestType.Renew, Monday);
        request.AddRenewLine(_world.Person, certificate);
        var reissued = _world.NewCertificate(_world.OtherPerson, MondayDate.AddDays(100));
        RequestWorld.SetId(reissued, certificate.Id);

        var ex = Assert.Throws<DomainRuleException>(() => request.Submit(RequestWorld.AgencyUser(Monday), RequestSubjects.Of(reissued), accuracyConfirmed: true, RequestWorld.SentToCa(Monday)));

        Assert.Equal(RequestRules.CertificateMustBelongToTheSubscriber, ex.Rule);
    }

    [Fact]
    public void Submit_WithoutTheRegisterEntriesOfTheLines_IsAProgrammingError()
    {
        var scenario = new RequestScenario(RequestType.Renew);

        Assert.Throws<ArgumentException>(() => scenario.Request.Submit(RequestWorld.AgencyUser(Monday), RequestSubjects.None, accuracyConfirmed: true, RequestWorld.SentToCa(Monday)));
    }

    [Theory]
    [InlineData(RequestStatus.Submitted)]
    [InlineData(RequestStatus.Received)]
    [InlineData(RequestStatus.Accepted)]
    public void Edit_OutsideDraftAndReturn_ThrowsRequestCanBeEditedOnlyAsDraftOrWhenReturned(RequestStatus status)
    {
        var scenario = new RequestScenario(RequestType.Renew).Reach(status);
        var other = scenario.World.NewCertificate(scenario.World.OtherPerson, MondayDate.AddDays(100));

        var ex = Assert.Throws<DomainRuleException>(() => scenario.Request.AddRenewLine(scenario.World.OtherPerson, other));
        Assert.Equal(RequestRules.RequestCanBeEditedOnlyAsDraftOrWhenReturned, ex.Rule);
        Assert.Throws<DomainRuleException>(() => scenario.Request.UpdateLetter(scenario.Request.Letter));
        Assert.Throws<DomainRuleException>(() => scenario.Request.UpdateContact(scenario.Request.Contact));
        Assert.Throws<DomainRuleException>(() => scenario.Request.RemoveLine(scenario.Request.Lines[0]));
    }

    [Fact]
    public void Resubmit_AfterTheAgencyEditedTheReturnedRequest_ChecksTheNewLinesAgain()
    {
        var scenario = new RequestScenario(RequestType.Renew).Reach(RequestStatus.ReturnedForSupplement);
        var expiring = scenario.World.NewCertificate(scenario.World.OtherPerson, MondayDate.AddDays(20));
        scenario.Request.RemoveLine(scenario.Request.Lines[0]);
        scenario.Request.AddRenewLine(scenario.World.OtherPerson, expiring);

        var ex = Assert.Throws<DomainRuleException>(() =>
            scenario.Request.Resubmit(RequestWorld.AgencyUser(Monday.AddDays(1)), RequestSubjects.Of(expiring), accuracyConfirmed: true));

        Assert.Equal(nameof(Certificates.EligibilityProblem.RenewalNeedsAtLeast30DaysOfValidityLeft), ex.Rule);
        Assert.Equal(RequestStatus.ReturnedForSupplement, scenario.Request.Status);
    }

    [Fact]
    public void Cancel_WhileSoChecksTheRequest_ClosesItWithTheReason()
    {
        var scenario = new RequestScenario(RequestType.RecoverToken).Reach(RequestStatus.Received);

        scenario.Request.Cancel("Thuê bao đã tự nhớ lại mật khẩu", RequestWorld.AgencyUser(Monday.AddDays(1)));

        Assert.Equal(RequestStatus.Cancelled, scenario.Request.Status);
        Assert.Equal("Thuê bao đã tự nhớ lại mật khẩu", scenario.Request.CancellationReason);
        Assert.Null(scenario.Request.DueDate);
        Assert.False(scenario.Request.IsOpen);
    }

    [Fact]
    public void Cancel_AfterSoAccepted_ThrowsTransitionMustBeInTheTable()
    {
        var scenario = new RequestScenario(RequestType.Renew).Reach(RequestStatus.Accepted);

        var ex = Assert.Throws<DomainRuleException>(() => scenario.Request.Cancel("Đổi ý", RequestWorld.AgencyUser(Monday.AddDays(1))));

        Assert.Equal(RequestRules.TransitionMustBeInTheTable, ex.Rule);
    }

    [Fact]
    public void HandOver_WithoutAReceiverOrDatedTomorrow_IsRefused()
    {
        var scenario = new RequestScenario(RequestType.Renew).Reach(RequestStatus.ResultReceived);
        var staff = RequestWorld.Staff(Monday.AddDays(1));

        Assert.Equal(RequestRules.HandoverNeedsAReceiver,
            Assert.Throws<DomainRuleException>(() => scenario.Request.HandOver(" ", MondayDate, staff)).Rule);
        Assert.Equal(RequestRules.HandoverCannotBeInTheFuture,
            Assert.Throws<DomainRuleException>(() => scenario.Request.HandOver("Phạm Thị Dung", MondayDate.AddDays(2), staff)).Rule);
    }

    [Fact]
    public void Constructor_StartsADraftOwnedByItsCreator()
    {
        var request = new Request(RequestType.Renew, RequestWorld.AgencyId, RequestWorld.AgencyUser(Monday));

        Assert.Equal(RequestStatus.Draft, request.Status);
        Assert.Equal(RequestWorld.AgencyUserId, request.CreatedByUserId);
        Assert.Equal(DateTimeKind.Utc, request.CreatedAtUtc.Kind);
        Assert.NotEmpty(request.RowVersion);
        Assert.Empty(request.History);
        Assert.True(request.IsOpen);
    }

    [Fact]
    public void EveryChange_RenewsTheRowVersion()
    {
        var scenario = new RequestScenario(RequestType.Renew);
        var versions = new List<byte[]> { scenario.Request.RowVersion };

        scenario.Request.UpdateLetter(scenario.Request.Letter with { Number = "16/UBND-VP" });
        versions.Add(scenario.Request.RowVersion);
        scenario.Perform(RequestAction.Submit);
        versions.Add(scenario.Request.RowVersion);

        Assert.Equal(3, versions.Select(Convert.ToHexString).Distinct().Count());
    }
}
