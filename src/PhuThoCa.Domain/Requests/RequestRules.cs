namespace PhuThoCa.Domain.Requests;

/// <summary>
/// Names of the request rules, used as <see cref="Common.DomainRuleException.Rule"/> codes and in test names. Eligibility
/// refusals of certificates reuse the names of <see cref="Certificates.EligibilityProblem"/>.
/// </summary>
public static class RequestRules
{
    // The state machine.
    public const string TransitionMustBeInTheTable = nameof(TransitionMustBeInTheTable);
    public const string StaffCannotActOnTheirOwnRequest = nameof(StaffCannotActOnTheirOwnRequest);
    public const string RequestCanBeEditedOnlyAsDraftOrWhenReturned = nameof(RequestCanBeEditedOnlyAsDraftOrWhenReturned);

    // Documents of record (issue 11 item 3): the sent letter is fixed; Sở's notice is issued once.
    public const string SentLetterIsFrozen = nameof(SentLetterIsFrozen);
    public const string RejectionNoticeOnlyForARejectedRequest = nameof(RejectionNoticeOnlyForARejectedRequest);
    public const string RejectionNoticeIsIssuedOnce = nameof(RejectionNoticeIsIssuedOnce);
    public const string RejectionNoticeIsDatedFromTheRejection = nameof(RejectionNoticeIsDatedFromTheRejection);

    // Phiếu xin lỗi và hẹn lại ngày trả kết quả (one-stop-shop rules: Nghị định 118/2025/NĐ-CP; domain-spec records the form
    // set as unverified [U]): only for a Mẫu 04/06 request of Sở's own step that will miss (due today or the next working day)
    // or has missed its due date; the new date is a working day after today; the reason is written.
    public const string ApologyOnlyForARequestThatMissesItsDueDate = nameof(ApologyOnlyForARequestThatMissesItsDueDate);
    public const string NewReturnDateMustBeAWorkingDayAfterToday = nameof(NewReturnDateMustBeAWorkingDayAfterToday);
    public const string NewReturnDateNeedsAReason = nameof(NewReturnDateNeedsAReason);

    // Reasons (QĐ-PT Điều 5.4b, 6.3: "thông báo bằng văn bản nêu rõ lý do"; features G2.2).
    public const string RejectionNeedsAReason = nameof(RejectionNeedsAReason);
    public const string ReturnForSupplementNeedsAReason = nameof(ReturnForSupplementNeedsAReason);
    public const string CancellationNeedsAReason = nameof(CancellationNeedsAReason);
    public const string CaRejectionNeedsAReason = nameof(CaRejectionNeedsAReason);

    // The letter (QĐ-PT Điều 4–6: "có văn bản đề nghị").
    public const string RequestNeedsAtLeastOneLine = nameof(RequestNeedsAtLeastOneLine);
    public const string SubmittedRequestNeedsTheLetterDetails = nameof(SubmittedRequestNeedsTheLetterDetails);
    public const string LetterDateCannotBeInTheFuture = nameof(LetterDateCannotBeInTheFuture);
    public const string LetterNumberAlreadyUsed = nameof(LetterNumberAlreadyUsed);
    public const string LetterToTheCucNeedsItsDispatch = nameof(LetterToTheCucNeedsItsDispatch);
    public const string DispatchDateFitsTheLetter = nameof(DispatchDateFitsTheLetter);
    public const string ContactNeedsANameAndAPhone = nameof(ContactNeedsANameAndAPhone);
    public const string ContactNationalIdMustHave12Digits = nameof(ContactNationalIdMustHave12Digits);
    public const string ContactEmailMustBeIssuedByAStateBody = nameof(ContactEmailMustBeIssuedByAStateBody);

    // QĐ-PT Điều 9 khoản 1: the agency answers for the accuracy of what it sends; the sender confirms it on every path.
    public const string SubmissionNeedsTheAccuracyConfirmation = nameof(SubmissionNeedsTheAccuracyConfirmation);

    // Lines.
    public const string LinesBelongToTheRequestAgency = nameof(LinesBelongToTheRequestAgency);
    public const string CertificateMustBelongToTheSubscriber = nameof(CertificateMustBelongToTheSubscriber);
    public const string TokenMustBelongToTheCertificate = nameof(TokenMustBelongToTheCertificate);
    public const string CertificateAppearsOncePerRequest = nameof(CertificateAppearsOncePerRequest);
    public const string TokenAppearsOncePerRequest = nameof(TokenAppearsOncePerRequest);
    public const string SubscriberAppearsOncePerIssueRequest = nameof(SubscriberAppearsOncePerIssueRequest);
    public const string IssueRequestCoversOneSubscriberKind = nameof(IssueRequestCoversOneSubscriberKind);
    public const string InactiveSubscriberCannotBeIssuedACertificate = nameof(InactiveSubscriberCannotBeIssuedACertificate);
    public const string ChangeCaseMustFitTheSubscriberKind = nameof(ChangeCaseMustFitTheSubscriberKind);
    public const string ChangeNeedsDifferentOldAndNewValues = nameof(ChangeNeedsDifferentOldAndNewValues);
    public const string NewOfficialEmailMustBeIssuedByAStateBody = nameof(NewOfficialEmailMustBeIssuedByAStateBody);
    public const string RevocationReasonMustFitTheSubscriberKind = nameof(RevocationReasonMustFitTheSubscriberKind);
    public const string KeyCompromiseNeedsAnInvalidityDate = nameof(KeyCompromiseNeedsAnInvalidityDate);
    public const string InvalidityDateCannotBeAfterTheRequestDate = nameof(InvalidityDateCannotBeAfterTheRequestDate);

    // Eligibility at submit and accept (besides Certificates.EligibilityProblem).
    public const string OnlyALockedTokenCanBeRecovered = nameof(OnlyALockedTokenCanBeRecovered);
    public const string RevokedCertificateCannotBeRevokedAgain = nameof(RevokedCertificateCannotBeRevokedAgain);

    // Receipt, filing and results.
    public const string FirstReceiptNeedsAReceiptSequence = nameof(FirstReceiptNeedsAReceiptSequence);
    public const string ReceiptNumberIsAssignedOnce = nameof(ReceiptNumberIsAssignedOnce);
    public const string FilingNeedsTheCaDossierCode = nameof(FilingNeedsTheCaDossierCode);
    public const string EveryLineNeedsACaResult = nameof(EveryLineNeedsACaResult);
    public const string NewCertificateIsValidAtMost5Years = nameof(NewCertificateIsValidAtMost5Years);
    public const string RenewalMustExtendTheValidity = nameof(RenewalMustExtendTheValidity);
    public const string RenewalExtendsAtMost3Years = nameof(RenewalExtendsAtMost3Years);
    public const string ChangeOfInformationKeepsTheExpiryDate = nameof(ChangeOfInformationKeepsTheExpiryDate);
    public const string RevocationCannotBeInTheFuture = nameof(RevocationCannotBeInTheFuture);
    public const string HandoverToTheNamedPersonOrAReason = nameof(HandoverToTheNamedPersonOrAReason);

    public const string HandoverNeedsAReceiver = nameof(HandoverNeedsAReceiver);
    public const string HandoverCannotBeInTheFuture = nameof(HandoverCannotBeInTheFuture);
    public const string TokenReturnCannotBeInTheFuture = nameof(TokenReturnCannotBeInTheFuture);
    public const string SimPkiMustNameACarrier = nameof(SimPkiMustNameACarrier);
    public const string SimPkiIsForPersons = nameof(SimPkiIsForPersons);
    public const string SimPkiConversionNeedsAMobileNumber = nameof(SimPkiConversionNeedsAMobileNumber);
}
