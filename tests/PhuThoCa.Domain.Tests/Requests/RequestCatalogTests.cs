using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;

namespace PhuThoCa.Domain.Tests.Requests;

/// <summary>Labels, form numbers, routing, reason codes and the duplicate guard.</summary>
public class RequestCatalogTests
{
    [Fact]
    public void Labels_EveryValueOfEveryRequestEnum_HasItsOwnVietnameseLabel()
    {
        AssertDistinctLabels(RequestTypes.All, RequestTypes.Label);
        AssertDistinctLabels(RequestStatuses.All, RequestStatuses.Label);
        AssertDistinctLabels(RequestActions.All, RequestActions.Label);
        AssertDistinctLabels(RevocationReasons.All, RevocationReasons.Label);
        AssertDistinctLabels(ChangeInfoCases.All, ChangeInfoCases.Label);
        AssertDistinctLabels(Enum.GetValues<DeadlineStep>(), LegalDeadlines.Label);
        AssertDistinctLabels(Enum.GetValues<CrlReason>(), RevocationReasons.CodeLabel);
        AssertDistinctLabels(Enum.GetValues<TokenReturnOutcome>(), TokenReturnOutcomes.Label);
        AssertDistinctLabels(Enum.GetValues<RequestRecipient>(), RequestTypes.RecipientLabel);
        Assert.All(Enum.GetValues<DeadlineStep>(), s => Assert.NotEmpty(LegalDeadlines.LegalBasis(s)));
    }

    [Theory]
    [InlineData(RequestType.Issue, RequestRecipient.CaDepartment, RequestRecipient.ScienceDepartment, false)]
    [InlineData(RequestType.Revoke, RequestRecipient.CaDepartment, RequestRecipient.ScienceDepartment, false)]
    [InlineData(RequestType.Renew, RequestRecipient.ScienceDepartment, null, true)]
    [InlineData(RequestType.ChangeInfo, RequestRecipient.ScienceDepartment, null, true)]
    [InlineData(RequestType.RecoverToken, RequestRecipient.ScienceDepartment, null, true)]
    public void Recipient_FollowsQdPtArticles4To6(RequestType type, RequestRecipient to, RequestRecipient? copy, bool processedBySo)
    {
        Assert.Equal(to, RequestTypes.Recipient(type));
        Assert.Equal(copy, RequestTypes.CopyRecipient(type));
        Assert.Equal(processedBySo, RequestTypes.IsProcessedByScienceDepartment(type));
    }

    [Theory]
    [InlineData(RequestType.Issue, null, "Mẫu số 01/02/03")]
    [InlineData(RequestType.Issue, SubscriberKind.Organization, "Mẫu số 02")]
    [InlineData(RequestType.Revoke, null, "Mẫu số 05")]
    [InlineData(RequestType.Renew, null, "Mẫu số 04")]
    [InlineData(RequestType.ChangeInfo, null, "Mẫu số 04")]
    [InlineData(RequestType.RecoverToken, null, "Mẫu số 06")]
    public void FormLabel_NamesTheFormOfTheAppendixOfDecree68(RequestType type, SubscriberKind? kind, string expected)
    {
        Assert.Equal(expected, RequestTypes.FormLabel(type, kind));
    }

    [Theory]
    [InlineData(RevocationReason.KeyCompromised, CrlReason.KeyCompromise)]
    [InlineData(RevocationReason.TokenLost, CrlReason.KeyCompromise)]
    [InlineData(RevocationReason.OtherSecurityIncident, CrlReason.KeyCompromise)]
    [InlineData(RevocationReason.PositionChanged, CrlReason.AffiliationChanged)]
    [InlineData(RevocationReason.Retired, CrlReason.CessationOfOperation)]
    [InlineData(RevocationReason.Resigned, CrlReason.CessationOfOperation)]
    [InlineData(RevocationReason.Deceased, CrlReason.CessationOfOperation)]
    [InlineData(RevocationReason.TokenDamaged, CrlReason.CessationOfOperation)]
    [InlineData(RevocationReason.OrganizationDissolvedSplitOrMerged, CrlReason.CessationOfOperation)]
    [InlineData(RevocationReason.DeviceStoppedOperating, CrlReason.CessationOfOperation)]
    [InlineData(RevocationReason.RequestedByProsecutionOrPolice, CrlReason.PrivilegeWithdrawn)]
    [InlineData(RevocationReason.RequestedByManagingAgency, CrlReason.Unspecified)]
    [InlineData(RevocationReason.Expired, CrlReason.Unspecified)]
    public void Code_MapsEachCaseOfArticle17ToAnRfc5280Reason(RevocationReason reason, CrlReason code)
    {
        Assert.Equal(code, RevocationReasons.Code(reason));
        Assert.Equal((int)code, RevocationReasons.ReasonCode(reason));
        Assert.Equal(code == CrlReason.KeyCompromise, RevocationReasons.NeedsInvalidityDate(reason));
        Assert.StartsWith("Nghị định 68/2024/NĐ-CP, Điều 17", RevocationReasons.LegalBasis(reason), StringComparison.Ordinal);
    }

    [Fact]
    public void CrlReason_ValuesAreTheRfc5280Codes()
    {
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 8, 9, 10], Enum.GetValues<CrlReason>().Select(c => (int)c));
    }

    [Fact]
    public void For_EachSubscriberKind_OffersArticle17Clause1AndItsOwnClause()
    {
        Assert.Contains(RevocationReason.Retired, RevocationReasons.For(SubscriberKind.Person));
        Assert.DoesNotContain(RevocationReason.DeviceStoppedOperating, RevocationReasons.For(SubscriberKind.Person));
        Assert.Contains(RevocationReason.OrganizationDissolvedSplitOrMerged, RevocationReasons.For(SubscriberKind.Organization));
        Assert.DoesNotContain(RevocationReason.Deceased, RevocationReasons.For(SubscriberKind.Organization));
        Assert.Contains(RevocationReason.DeviceStoppedOperating, RevocationReasons.For(SubscriberKind.DeviceServiceSoftware));
        foreach (var kind in Enum.GetValues<SubscriberKind>())
        {
            Assert.Contains(RevocationReason.KeyCompromised, RevocationReasons.For(kind));
        }
    }

    [Theory]
    [InlineData(SubscriberKind.Person, new[] { ChangeInfoCase.PersonChangedAgency, ChangeInfoCase.PersonChangedOfficialEmail }, "điểm a")]
    [InlineData(SubscriberKind.Organization, new[] { ChangeInfoCase.OrganizationRenamed, ChangeInfoCase.OrganizationMoved }, "điểm b")]
    [InlineData(SubscriberKind.DeviceServiceSoftware,
        new[] { ChangeInfoCase.DeviceRenamed, ChangeInfoCase.DeviceUpgraded, ChangeInfoCase.DeviceFeaturesAdded }, "điểm c")]
    public void ChangeInfoCases_For_FollowArticle5Clause3OfTheProvincialRegulation(SubscriberKind kind, ChangeInfoCase[] cases, string point)
    {
        Assert.Equal(cases, ChangeInfoCases.For(kind));
        Assert.All(cases, c => Assert.EndsWith(point, ChangeInfoCases.LegalBasis(c), StringComparison.Ordinal));
        Assert.All(cases, c => Assert.NotEmpty(ChangeInfoCases.Field(c)));
    }

    [Fact]
    public void OpenAndClosed_PartitionTheStatuses()
    {
        Assert.Equal(RequestStatuses.All.Count, RequestStatuses.Open.Count + RequestStatuses.Closed.Count);
        Assert.Empty(RequestStatuses.Open.Intersect(RequestStatuses.Closed));
        Assert.Contains(RequestStatus.Draft, RequestStatuses.Open);
    }

    [Fact]
    public void IsOpenExpression_AgreesWithIsOpenForEveryReachableStatusOfEveryType()
    {
        var isOpen = Request.IsOpenExpression.Compile();

        foreach (var type in RequestTypes.All)
        {
            foreach (var status in RequestTransitions.StatusesOf(type))
            {
                var request = new RequestScenario(type).Reach(status).Request;
                Assert.Equal(RequestStatuses.IsOpen(status), isOpen(request));
                Assert.Equal(RequestStatuses.IsOpen(status), request.IsOpen);
            }
        }
    }

    [Fact]
    public void OpenRequestCovering_FindsAnOpenRequestOfTheSameTypeOnTheSameCertificateOrToken()
    {
        var renewal = new RequestScenario(RequestType.Renew).Reach(RequestStatus.Received);
        var certificateId = renewal.Certificate!.Id;
        var recovery = new RequestScenario(RequestType.RecoverToken).Reach(RequestStatus.Submitted);
        var tokenId = recovery.Token!.Id;

        Assert.True(Matches(renewal.Request, RequestType.Renew, certificateId, null));
        Assert.False(Matches(renewal.Request, RequestType.Revoke, certificateId, null));
        Assert.False(Matches(renewal.Request, RequestType.Renew, certificateId + 1, null));
        Assert.False(Matches(renewal.Request, RequestType.Renew, null, null));
        Assert.True(Matches(recovery.Request, RequestType.RecoverToken, null, tokenId));
        Assert.True(Matches(recovery.Request, RequestType.RecoverToken, 999, tokenId));

        renewal.Request.Cancel("Nộp nhầm", RequestWorld.AgencyUser(RequestWorld.Monday.AddDays(1)));

        Assert.False(Matches(renewal.Request, RequestType.Renew, certificateId, null));
    }

    private static bool Matches(Request request, RequestType type, int? certificateId, int? tokenId) =>
        Request.OpenRequestCovering(type, certificateId, tokenId).Compile()(request);

    private static void AssertDistinctLabels<T>(IEnumerable<T> values, Func<T, string> label)
    {
        var labels = values.Select(label).ToList();
        Assert.All(labels, l => Assert.False(string.IsNullOrWhiteSpace(l)));
        Assert.Equal(labels.Count, labels.Distinct().Count());
    }
}
