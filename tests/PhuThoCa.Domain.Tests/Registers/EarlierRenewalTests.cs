using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Tests.Requests;

namespace PhuThoCa.Domain.Tests.Registers;

/// <summary>A renewal made before the portal, recorded from an imported register or the demo data (issue 10 item 6).</summary>
public class EarlierRenewalTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private readonly RequestWorld _world = new();

    [Fact]
    public void RecordEarlierRenewal_LinksBoth_CountsOneRenewal_AndSupersedesTheOldOne()
    {
        var old = _world.NewCertificate(_world.Person, Today.AddDays(-10));
        var renewed = _world.NewCertificate(_world.Person, Today.AddDays(900));

        renewed.RecordEarlierRenewal(old);

        Assert.Equal(1, renewed.RenewalCount);
        Assert.Equal(old.Id, renewed.PredecessorId);
        Assert.Equal(renewed.Id, old.SuccessorId);
        Assert.Equal(CertificateStatus.Superseded, old.Status);
        Assert.Contains(EligibilityProblem.CertificateCanBeRenewedOnlyOnce, renewed.CheckRenewalEligibility(Today).Problems);
    }

    [Fact]
    public void RecordEarlierRenewal_OfAnotherSubscribersCertificate_OrAnOlderOne_IsRefused()
    {
        var mine = _world.NewCertificate(_world.Person, Today.AddDays(900));
        var theirs = _world.NewCertificate(_world.OtherPerson, Today.AddDays(-10));
        var later = _world.NewCertificate(_world.Person, Today.AddDays(1200));

        Assert.Equal(CertificateRules.EarlierRenewalLinksTheSameSubscriberInOrder,
            Assert.Throws<DomainRuleException>(() => mine.RecordEarlierRenewal(theirs)).Rule);
        Assert.Equal(CertificateRules.EarlierRenewalLinksTheSameSubscriberInOrder,
            Assert.Throws<DomainRuleException>(() => mine.RecordEarlierRenewal(later)).Rule);
        Assert.Equal(0, mine.RenewalCount);
        Assert.Equal(CertificateStatus.Valid, later.Status);
    }

    [Fact]
    public void RecordEarlierRenewal_OfACertificateAlreadyRenewedOnce_IsRefusedByTheOnceOnlyRule()
    {
        var first = _world.NewCertificate(_world.Person, Today.AddDays(-1000));
        var second = _world.NewCertificate(_world.Person, Today.AddDays(-10));
        var third = _world.NewCertificate(_world.Person, Today.AddDays(900));
        second.RecordEarlierRenewal(first);

        var refused = Assert.Throws<DomainRuleException>(() => third.RecordEarlierRenewal(second));

        Assert.Equal(nameof(EligibilityProblem.CertificateCanBeRenewedOnlyOnce), refused.Rule);
        Assert.Null(third.PredecessorId);
    }

    [Fact]
    public void RecordEarlierRenewal_BeforeBothAreSaved_IsAProgrammingError()
    {
        var saved = _world.NewCertificate(_world.Person, Today.AddDays(-10));
        var unsaved = new Certificate(_world.Person.Id, RequestWorld.Details("54ABCDEF01", new DateTime(2026, 1, 1), new DateTime(2029, 1, 1)));

        Assert.Throws<InvalidOperationException>(() => unsaved.RecordEarlierRenewal(saved));
    }
}
