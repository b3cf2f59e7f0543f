using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;

namespace PhuThoCa.Domain.Tests.Requests;

public class RequestTransitionsTests
{
    public static TheoryData<RequestType, RequestStatus, RequestAction, RequestStatus> AllowedMoves()
    {
        var data = new TheoryData<RequestType, RequestStatus, RequestAction, RequestStatus>();
        foreach (var (type, from, action, to) in RequestTransitions.All)
        {
            data.Add(type, from, action, to);
        }

        return data;
    }

    /// <summary>Every (type, status, action) not in the table, for every status the type can be in.</summary>
    public static TheoryData<RequestType, RequestStatus, RequestAction> IllegalMoves()
    {
        var data = new TheoryData<RequestType, RequestStatus, RequestAction>();
        foreach (var type in RequestTypes.All)
        {
            foreach (var status in RequestTransitions.StatusesOf(type))
            {
                foreach (var action in RequestActions.All.Where(a => !RequestTransitions.IsAllowed(type, status, a)))
                {
                    data.Add(type, status, action);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void Perform_AllowedMove_ReachesTheTableStatusAndWritesHistory(RequestType type, RequestStatus from, RequestAction action,
        RequestStatus to)
    {
        var scenario = new RequestScenario(type).Reach(from);
        var historyBefore = scenario.Request.History.Count;

        scenario.Perform(action);

        Assert.Equal(to, scenario.Request.Status);
        Assert.Equal(historyBefore + 1, scenario.Request.History.Count);
        var row = scenario.Request.History[^1];
        Assert.Equal((from, action, to), (row.From, row.Action, row.To));
        Assert.NotEmpty(row.ActorName);
        Assert.NotEmpty(row.ActorUserId);
    }

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void Perform_MoveNotInTheTable_ThrowsTransitionMustBeInTheTableAndChangesNothing(RequestType type, RequestStatus status,
        RequestAction action)
    {
        var scenario = new RequestScenario(type).Reach(status);
        var historyBefore = scenario.Request.History.Count;
        var versionBefore = scenario.Request.RowVersion;

        var ex = Assert.Throws<DomainRuleException>(() => scenario.Perform(action));

        Assert.Equal(RequestRules.TransitionMustBeInTheTable, ex.Rule);
        Assert.Equal($"Không thể “{RequestActions.Label(action)}” yêu cầu đang ở trạng thái “{RequestStatuses.Label(status)}”.", ex.Message);
        Assert.Equal(status, scenario.Request.Status);
        Assert.Equal(historyBefore, scenario.Request.History.Count);
        Assert.Same(versionBefore, scenario.Request.RowVersion);
    }

    [Fact]
    public void All_EveryTypeStatusActionTripleIsEitherAllowedTestedIllegalOrFromAStatusTheTypeNeverReaches()
    {
        var allowed = RequestTransitions.All.Count();
        var illegal = IllegalMoves().Count;
        var unreachable = RequestTypes.All.Sum(t =>
            (RequestStatuses.All.Count - RequestTransitions.StatusesOf(t).Count) * RequestActions.All.Count);

        Assert.Equal(RequestTypes.All.Count * RequestStatuses.All.Count * RequestActions.All.Count, allowed + illegal + unreachable);
        Assert.DoesNotContain(RequestTransitions.All, r => !RequestTransitions.StatusesOf(r.Type).Contains(r.From));
    }

    [Fact]
    public void All_HasOneTargetPerTypeStatusAndAction()
    {
        var keys = RequestTransitions.All.Select(r => (r.Type, r.From, r.Action)).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void All_ClosedStatusesHaveNoWayOut()
    {
        Assert.DoesNotContain(RequestTransitions.All, r => RequestStatuses.IsClosed(r.From));
    }

    [Fact]
    public void All_EveryOpenStatusOfATypeOffersAnAction()
    {
        foreach (var type in RequestTypes.All)
        {
            foreach (var status in RequestTransitions.StatusesOf(type).Where(RequestStatuses.IsOpen))
            {
                Assert.NotEmpty(RequestTransitions.AvailableActions(type, status));
            }
        }
    }

    [Fact]
    public void All_EveryTypeCanBeCompleted()
    {
        foreach (var type in RequestTypes.All)
        {
            Assert.Contains(RequestStatus.Completed, RequestTransitions.StatusesOf(type));
        }
    }

    [Theory]
    [InlineData(RequestType.Issue, RequestStatus.AwaitingCaResult)]
    [InlineData(RequestType.Revoke, RequestStatus.AwaitingCaResult)]
    [InlineData(RequestType.Renew, RequestStatus.Received)]
    [InlineData(RequestType.ChangeInfo, RequestStatus.Received)]
    [InlineData(RequestType.RecoverToken, RequestStatus.Received)]
    public void Next_ReceiveOfASubmittedRequest_StartsTheLegOfWhoProcessesIt(RequestType type, RequestStatus expected)
    {
        Assert.Equal(expected, RequestTransitions.Next(type, RequestStatus.Submitted, RequestAction.Receive));
    }

    [Theory]
    [InlineData(RequestType.Issue)]
    [InlineData(RequestType.Revoke)]
    public void AvailableActions_LettersToTheCa_OfferSoNoAcceptRejectOrReturn(RequestType type)
    {
        var scienceDepartmentDecisions = new[] { RequestAction.Accept, RequestAction.Reject, RequestAction.ReturnForSupplement };

        Assert.DoesNotContain(RequestTransitions.All, r => r.Type == type && scienceDepartmentDecisions.Contains(r.Action));
        Assert.DoesNotContain(RequestStatus.Received, RequestTransitions.StatusesOf(type));
    }

    [Theory]
    [InlineData(RequestType.Renew)]
    [InlineData(RequestType.ChangeInfo)]
    [InlineData(RequestType.RecoverToken)]
    public void AvailableActions_AfterSoAccepts_NoLongerOfferCancel(RequestType type)
    {
        Assert.DoesNotContain(RequestAction.Cancel, RequestTransitions.AvailableActions(type, RequestStatus.Accepted));
        Assert.Contains(RequestAction.Cancel, RequestTransitions.AvailableActions(type, RequestStatus.Received));
    }

    [Fact]
    public void AvailableActions_OfAReceivedRenewal_AreReturnCancelRejectAccept()
    {
        Assert.Equal(
            [RequestAction.ReturnForSupplement, RequestAction.Cancel, RequestAction.Reject, RequestAction.Accept],
            RequestTransitions.AvailableActions(RequestType.Renew, RequestStatus.Received));
    }

    [Fact]
    public void AvailableActions_OnTheAggregate_FollowItsTypeAndStatus()
    {
        var scenario = new RequestScenario(RequestType.Revoke).Reach(RequestStatus.AwaitingTokenReturn);

        Assert.Equal([RequestAction.RecordTokenReturned], scenario.Request.AvailableActions);
    }

    [Fact]
    public void PathTo_EveryStatusOfEveryType_IsReachableThroughPublicMethods()
    {
        foreach (var type in RequestTypes.All)
        {
            foreach (var status in RequestTransitions.StatusesOf(type))
            {
                Assert.Equal(status, new RequestScenario(type).Reach(status).Request.Status);
            }
        }
    }
}
