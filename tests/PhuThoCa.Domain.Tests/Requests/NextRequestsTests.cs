using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Tokens;

namespace PhuThoCa.Domain.Tests.Requests;

/// <summary>The one rule for the next request on a certificate or a token: the register's rules and the open requests.</summary>
public class NextRequestsTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private readonly RequestWorld _world = new();

    [Fact]
    public void ForCertificate_EligibleWithNothingOpen_CanStartEveryRequest()
    {
        var certificate = _world.NewCertificate(_world.Person, Today.AddDays(90));

        var next = NextRequests.ForCertificate(certificate, Today, []);

        Assert.Equal([RequestType.Renew, RequestType.ChangeInfo, RequestType.Revoke], next.Select(n => n.Type));
        Assert.All(next, n => Assert.True(n.CanStart));
    }

    [Fact]
    public void ForCertificate_WithAnOpenRenewal_CannotStartARenewal_ButCanStartAChange()
    {
        var certificate = _world.NewCertificate(_world.Person, Today.AddDays(90));
        var open = new OpenRequestRef(7, RequestType.Renew, RequestStatus.Submitted, "SKHCN-2026-000007");

        var next = NextRequests.ForCertificate(certificate, Today, [open]);

        var renewal = next.Single(n => n.Type == RequestType.Renew);
        Assert.False(renewal.CanStart);
        Assert.Empty(renewal.Problems);
        Assert.Equal(open, renewal.OpenRequest);
        Assert.True(next.Single(n => n.Type == RequestType.ChangeInfo).CanStart);
    }

    [Fact]
    public void ForCertificate_WithLessThan30DaysLeft_CannotRenewOrChange_ButCanRevoke()
    {
        var certificate = _world.NewCertificate(_world.Person, Today.AddDays(20));

        var next = NextRequests.ForCertificate(certificate, Today, []);

        Assert.Contains(next.Single(n => n.Type == RequestType.Renew).Problems, p => p.Contains("Điều 12", StringComparison.Ordinal));
        Assert.Contains(next.Single(n => n.Type == RequestType.ChangeInfo).Problems, p => p.Contains("Điều 14", StringComparison.Ordinal));
        Assert.True(next.Single(n => n.Type == RequestType.Revoke).CanStart);
    }

    [Fact]
    public void ForToken_OnlyALockedTokenWithoutAnOpenRecovery_CanStartARecovery()
    {
        var locked = _world.NewToken(TokenStatus.Locked);
        var handedOver = _world.NewToken();
        var open = new OpenRequestRef(9, RequestType.RecoverToken, RequestStatus.Draft, null);

        Assert.True(NextRequests.ForToken(locked, []).CanStart);
        Assert.False(NextRequests.ForToken(locked, [open]).CanStart);
        Assert.NotEmpty(NextRequests.ForToken(handedOver, []).Problems);
    }
}
