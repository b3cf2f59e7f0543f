using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Tokens;

namespace PhuThoCa.Domain.Tests.Requests;

public class RevokeRequestTests
{
    private static readonly DateTime Monday = RequestWorld.Monday;
    private readonly RequestWorld _world = new();
    private readonly WeekendOnlyCalendar _calendar = new();

    [Fact]
    public void RevokeRequest_ForAKeyCompromise_RevokesTheCertificateAndWaitsForTheTokenUntilCompleted()
    {
        var token = _world.NewToken();
        var certificate = _world.NewCertificate(_world.Person, new DateOnly(2027, 6, 30), token);
        var request = RequestWorld.NewDraft(RequestType.Revoke, Monday);
        var line = request.AddRevokeLine(_world.Person, certificate, token, RevocationReason.KeyCompromised,
            new DateOnly(2026, 2, 27), "Máy tính bị nhiễm mã độc");
        Assert.Equal("05", request.FormNumber);
        Assert.Equal(1, line.RevocationReasonCode);

        request.Submit(RequestWorld.AgencyUser(Monday.AddHours(1)), RequestSubjects.Of(certificate), accuracyConfirmed: true, RequestWorld.SentToCa(Monday.AddHours(1)));
        request.Receive(RequestWorld.Staff(Monday.AddHours(2)), _calendar, 3);
        Assert.Equal(RequestStatus.AwaitingCaResult, request.Status);
        Assert.Equal(DeadlineStep.CaRevoke, request.DueStep);

        var tuesday = Monday.AddDays(1);
        request.RecordCertificatesRevoked([certificate], RequestWorld.Utc(tuesday.AddHours(-1)), RequestWorld.Staff(tuesday), _calendar);

        Assert.Equal(CertificateStatus.Revoked, certificate.Status);
        Assert.Equal((int)CrlReason.KeyCompromise, certificate.RevocationReasonCode);
        Assert.Equal(RequestWorld.Utc(tuesday.AddHours(-1)), certificate.RevokedAtUtc);
        Assert.Equal(RequestStatus.AwaitingTokenReturn, request.Status);
        Assert.Equal(DeadlineStep.ReturnRevokedToken, request.DueStep);
        Assert.Equal(new DateOnly(2026, 3, 10), request.DueDate);
        Assert.Equal(DeadlineHolder.Agency, LegalDeadlines.Holder(request.DueStep!.Value));

        var events = request.RecordTokenReturned(
            [new TokenReturn(token, TokenReturnOutcome.ReturnedToCa, new DateOnly(2026, 3, 9), "08/BB")],
            RequestWorld.AgencyUser(Monday.AddDays(7)));

        Assert.Equal(TokenStatus.ReturnedToCa, token.Status);
        Assert.Null(token.CustodianName);
        Assert.Equal("Đã nộp lại Cục", Assert.Single(events).ToState);
        Assert.Equal(TokenReturnOutcome.ReturnedToCa, line.TokenReturnOutcome);
        Assert.Equal(new DateOnly(2026, 3, 9), line.TokenReturnedOn);
        Assert.Equal("08/BB", line.TokenReturnMinutesNumber);
        Assert.Equal(RequestStatus.Completed, request.Status);
        Assert.Null(request.DueDate);
    }

    [Fact]
    public void RecordTokenReturned_ForALostToken_MarksTheTokenLost()
    {
        var scenario = new RequestScenario(RequestType.Revoke).Reach(RequestStatus.AwaitingTokenReturn);

        scenario.Request.RecordTokenReturned([new TokenReturn(scenario.Token!, TokenReturnOutcome.Lost, new DateOnly(2026, 3, 3))],
            RequestWorld.AgencyUser(Monday.AddDays(1)));

        Assert.Equal(TokenStatus.Lost, scenario.Token!.Status);
        Assert.Equal(RequestStatus.Completed, scenario.Request.Status);
    }

    [Fact]
    public void RecordTokenReturned_ForATokenAlreadyRegisteredAsLost_KeepsItLostWithoutAnotherEvent()
    {
        var scenario = new RequestScenario(RequestType.Revoke).Reach(RequestStatus.AwaitingTokenReturn);
        scenario.Token!.ChangeStatus(TokenStatus.Lost, "Thuê bao báo mất", RequestWorld.AgencyUser(Monday));

        var events = scenario.Request.RecordTokenReturned(
            [new TokenReturn(scenario.Token, TokenReturnOutcome.Lost, new DateOnly(2026, 3, 2))], RequestWorld.AgencyUser(Monday.AddDays(1)));

        Assert.Empty(events);
        Assert.Equal(RequestStatus.Completed, scenario.Request.Status);
    }

    [Fact]
    public void RecordTokenReturned_WithoutAnOutcomeForTheToken_ThrowsEveryLineNeedsACaResult()
    {
        var scenario = new RequestScenario(RequestType.Revoke).Reach(RequestStatus.AwaitingTokenReturn);

        var ex = Assert.Throws<DomainRuleException>(() => scenario.Request.RecordTokenReturned([], RequestWorld.AgencyUser(Monday.AddDays(1))));

        Assert.Equal(RequestRules.EveryLineNeedsACaResult, ex.Rule);
        Assert.Equal(RequestStatus.AwaitingTokenReturn, scenario.Request.Status);
    }

    [Fact]
    public void RecordTokenReturned_DatedTomorrow_ThrowsTokenReturnCannotBeInTheFuture()
    {
        var scenario = new RequestScenario(RequestType.Revoke).Reach(RequestStatus.AwaitingTokenReturn);

        var ex = Assert.Throws<DomainRuleException>(() => scenario.Request.RecordTokenReturned(
            [new TokenReturn(scenario.Token!, TokenReturnOutcome.ReturnedToCa, new DateOnly(2026, 3, 3))], RequestWorld.AgencyUser(Monday)));

        Assert.Equal(RequestRules.TokenReturnCannotBeInTheFuture, ex.Rule);
        Assert.Equal(TokenStatus.HandedOver, scenario.Token!.Status);
    }

    [Fact]
    public void RevokeRequest_ForACertificateWithoutToken_CompletesWithAnEmptyTokenReturn()
    {
        var certificate = _world.NewCertificate(_world.Person, new DateOnly(2027, 6, 30));
        var request = RequestWorld.NewDraft(RequestType.Revoke, Monday);
        request.AddRevokeLine(_world.Person, certificate, null, RevocationReason.Retired, null);
        request.Submit(RequestWorld.AgencyUser(Monday.AddHours(1)), RequestSubjects.Of(certificate), accuracyConfirmed: true, RequestWorld.SentToCa(Monday.AddHours(1)));
        request.Receive(RequestWorld.Staff(Monday.AddHours(2)), _calendar, 1);
        request.RecordCertificatesRevoked([certificate], RequestWorld.Utc(Monday.AddHours(3)), RequestWorld.Staff(Monday.AddHours(3)), _calendar);

        request.RecordTokenReturned([], RequestWorld.AgencyUser(Monday.AddHours(4)));

        Assert.Equal((int)CrlReason.CessationOfOperation, certificate.RevocationReasonCode);
        Assert.Equal(RequestStatus.Completed, request.Status);
    }

    [Theory]
    [InlineData(RevocationReason.KeyCompromised)]
    [InlineData(RevocationReason.TokenLost)]
    [InlineData(RevocationReason.OtherSecurityIncident)]
    public void AddRevokeLine_KeyCompromiseWithoutInvalidityDate_ThrowsKeyCompromiseNeedsAnInvalidityDate(RevocationReason reason)
    {
        var certificate = _world.NewCertificate(_world.Person, new DateOnly(2027, 6, 30));
        var request = RequestWorld.NewDraft(RequestType.Revoke, Monday);

        var ex = Assert.Throws<DomainRuleException>(() => request.AddRevokeLine(_world.Person, certificate, null, reason, null));

        Assert.Equal(RequestRules.KeyCompromiseNeedsAnInvalidityDate, ex.Rule);
    }

    [Fact]
    public void Submit_WithAnInvalidityDateAfterTheLetterDate_ThrowsInvalidityDateCannotBeAfterTheRequestDate()
    {
        var certificate = _world.NewCertificate(_world.Person, new DateOnly(2027, 6, 30));
        var request = RequestWorld.NewDraft(RequestType.Revoke, Monday.AddDays(-3));
        request.AddRevokeLine(_world.Person, certificate, null, RevocationReason.KeyCompromised, DateOnly.FromDateTime(Monday));

        var ex = Assert.Throws<DomainRuleException>(() => request.Submit(RequestWorld.AgencyUser(Monday), RequestSubjects.Of(certificate), accuracyConfirmed: true, RequestWorld.SentToCa(Monday)));

        Assert.Equal(RequestRules.InvalidityDateCannotBeAfterTheRequestDate, ex.Rule);
        Assert.Equal(RequestStatus.Draft, request.Status);
    }

    [Fact]
    public void Submit_WithAnInvalidityDateOnTheRequestDate_IsAccepted()
    {
        var certificate = _world.NewCertificate(_world.Person, new DateOnly(2027, 6, 30));
        var request = RequestWorld.NewDraft(RequestType.Revoke, Monday);
        request.AddRevokeLine(_world.Person, certificate, null, RevocationReason.KeyCompromised, DateOnly.FromDateTime(Monday));

        request.Submit(RequestWorld.AgencyUser(Monday.AddHours(1)), RequestSubjects.Of(certificate), accuracyConfirmed: true, RequestWorld.SentToCa(Monday.AddHours(1)));

        Assert.Equal(RequestStatus.Submitted, request.Status);
    }

    [Fact]
    public void AddRevokeLine_WithAReasonOfAnotherSubscriberKind_ThrowsRevocationReasonMustFitTheSubscriberKind()
    {
        var certificate = _world.NewCertificate(_world.Organization, new DateOnly(2027, 6, 30));
        var request = RequestWorld.NewDraft(RequestType.Revoke, Monday);

        var ex = Assert.Throws<DomainRuleException>(() =>
            request.AddRevokeLine(_world.Organization, certificate, null, RevocationReason.Retired, null));

        Assert.Equal(RequestRules.RevocationReasonMustFitTheSubscriberKind, ex.Rule);
        Assert.Contains("Điều 17 khoản 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRevokeLine_WithoutTheTokenOfTheCertificate_IsRefusedAsAProgrammingError()
    {
        var token = _world.NewToken();
        var certificate = _world.NewCertificate(_world.Person, new DateOnly(2027, 6, 30), token);
        var request = RequestWorld.NewDraft(RequestType.Revoke, Monday);

        Assert.Throws<ArgumentException>(() => request.AddRevokeLine(_world.Person, certificate, null, RevocationReason.Resigned, null));
    }

    [Fact]
    public void Submit_ForACertificateAlreadyRevoked_ThrowsRevokedCertificateCannotBeRevokedAgain()
    {
        var certificate = _world.NewCertificate(_world.Person, new DateOnly(2027, 6, 30));
        var request = RequestWorld.NewDraft(RequestType.Revoke, Monday);
        request.AddRevokeLine(_world.Person, certificate, null, RevocationReason.Resigned, null);
        certificate.Revoke(RequestWorld.Utc(Monday), (int)CrlReason.CessationOfOperation);

        var ex = Assert.Throws<DomainRuleException>(() => request.Submit(RequestWorld.AgencyUser(Monday.AddHours(1)), RequestSubjects.Of(certificate), accuracyConfirmed: true, RequestWorld.SentToCa(Monday.AddHours(1))));

        Assert.Equal(RequestRules.RevokedCertificateCannotBeRevokedAgain, ex.Rule);
    }

    [Fact]
    public void RecordCertificatesRevoked_InTheFuture_ThrowsRevocationCannotBeInTheFuture()
    {
        var scenario = new RequestScenario(RequestType.Revoke).Reach(RequestStatus.AwaitingCaResult);

        var ex = Assert.Throws<DomainRuleException>(() => scenario.Request.RecordCertificatesRevoked(
            [scenario.Certificate!], RequestWorld.Utc(Monday.AddDays(2)), RequestWorld.Staff(Monday.AddDays(1)), _calendar));

        Assert.Equal(RequestRules.RevocationCannotBeInTheFuture, ex.Rule);
        Assert.Equal(CertificateStatus.Valid, scenario.Certificate!.Status);
    }

    [Fact]
    public void RecordCertificatesRevoked_WhenTheCertificateWasRevokedMeanwhile_ThrowsWithoutRevokingAnything()
    {
        var scenario = new RequestScenario(RequestType.Revoke).Reach(RequestStatus.AwaitingCaResult);
        scenario.Certificate!.Revoke(RequestWorld.Utc(Monday), 0);

        var ex = Assert.Throws<DomainRuleException>(() => scenario.Request.RecordCertificatesRevoked(
            [scenario.Certificate], RequestWorld.Utc(Monday.AddDays(1)), RequestWorld.Staff(Monday.AddDays(1)), _calendar));

        Assert.Equal(RequestRules.RevokedCertificateCannotBeRevokedAgain, ex.Rule);
        Assert.Equal(RequestStatus.AwaitingCaResult, scenario.Request.Status);
    }
}
