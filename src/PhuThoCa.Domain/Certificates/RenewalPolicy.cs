namespace PhuThoCa.Domain.Certificates;

/// <summary>Why a certificate cannot be renewed or changed right now. Names read as the rule a clerk would say.</summary>
public enum EligibilityProblem
{
    CertificateCanBeRenewedOnlyOnce,
    RenewalNeedsAtLeast30DaysOfValidityLeft,
    ChangeNeedsAtLeast30DaysOfValidityLeft,
    CertificateIsRevoked,
    CertificateIsExpired,
    CertificateWasAlreadyRenewed,
}

public sealed record Eligibility(IReadOnlyList<EligibilityProblem> Problems, int DaysLeft)
{
    public bool IsEligible => Problems.Count == 0;

    public IEnumerable<string> Messages => Problems.Select(p => RenewalPolicy.Message(p, DaysLeft));
}

public static class RenewalPolicy
{
    // ND 68/2024 Điều 12 (QĐ-PT Điều 5.1): renew at most once.
    public const int MaxRenewals = 1;

    // ND 68/2024 Điều 12 and Điều 14 (QĐ-PT Điều 5.1–5.2): ≥ 30 calendar (not working) days of validity left.
    // Interpretation, see docs/adr/0003-domain-model.md: days left = NotAfter date (Vietnam time) − today.
    public const int MinimumDaysLeft = 30;

    // ND 68/2024 Điều 9: a new certificate is valid at most 5 years; a renewal extends it by at most 3 years.
    public const int MaxInitialValidityYears = 5;
    public const int MaxRenewalExtensionYears = 3;

    /// <summary>
    /// Whether a certificate line renewed <paramref name="renewalCount"/> times may still be renewed (ND 68/2024 Điều 12);
    /// otherwise its holder needs a new certificate (the demand plan of QĐ-PT Điều 8.4 counts both).
    /// </summary>
    public static bool CanBeRenewedAgain(int renewalCount) => renewalCount < MaxRenewals;

    public static string Message(EligibilityProblem problem, int daysLeft) => problem switch
    {
        EligibilityProblem.CertificateCanBeRenewedOnlyOnce =>
            "Chứng thư số chỉ được gia hạn 01 lần và chứng thư này đã được gia hạn (Nghị định 68/2024/NĐ-CP, Điều 12).",
        EligibilityProblem.RenewalNeedsAtLeast30DaysOfValidityLeft =>
            $"Chứng thư số phải còn thời hạn sử dụng ít nhất {MinimumDaysLeft} ngày mới được gia hạn; hiện chỉ còn {Math.Max(daysLeft, 0)} ngày (Nghị định 68/2024/NĐ-CP, Điều 12).",
        EligibilityProblem.ChangeNeedsAtLeast30DaysOfValidityLeft =>
            $"Chứng thư số phải còn thời hạn sử dụng ít nhất {MinimumDaysLeft} ngày mới được thay đổi thông tin; hiện chỉ còn {Math.Max(daysLeft, 0)} ngày (Nghị định 68/2024/NĐ-CP, Điều 14).",
        EligibilityProblem.CertificateIsRevoked => "Chứng thư số đã bị thu hồi.",
        EligibilityProblem.CertificateIsExpired => "Chứng thư số đã hết hạn.",
        EligibilityProblem.CertificateWasAlreadyRenewed => "Chứng thư số đã được thay thế bằng chứng thư gia hạn.",
    };
}
