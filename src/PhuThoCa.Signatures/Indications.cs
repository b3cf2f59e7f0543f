namespace PhuThoCa.Signatures;

/// <summary>The three main indications of the ETSI EN 319 102-1 validation model (§5.1.3), as the EU DSS validator reports them.</summary>
public enum Indication
{
    /// <summary>TOTAL_PASSED: hợp lệ.</summary>
    TotalPassed,

    /// <summary>TOTAL_FAILED: không hợp lệ.</summary>
    TotalFailed,

    /// <summary>INDETERMINATE: chưa xác định.</summary>
    Indeterminate,
}

/// <summary>The ETSI EN 319 102-1 sub-indications (§5.1.3, Table 6 and 7) this verifier can reach.</summary>
public enum SubIndication
{
    None,

    // TOTAL_FAILED
    FormatFailure,
    HashFailure,
    SigCryptoFailure,
    Revoked,
    Expired,
    NotYetValid,

    // INDETERMINATE
    SigConstraintsFailure,
    ChainConstraintsFailure,
    CertificateChainGeneralFailure,
    CryptoConstraintsFailureNoPoe,
    NoSigningCertificateFound,
    NoCertificateChainFound,
    RevokedNoPoe,
    RevokedCaNoPoe,
    OutOfBoundsNoPoe,
    TryLater,
}

/// <summary>The Vietnamese words for indications and sub-indications, shared by the pages and the printed report.</summary>
public static class IndicationTexts
{
    public static string Name(Indication indication) => indication switch
    {
        Indication.TotalPassed => "Hợp lệ",
        Indication.TotalFailed => "Không hợp lệ",
        Indication.Indeterminate => "Chưa xác định",
    };

    /// <summary>The ETSI code as DSS prints it, e.g. TOTAL_PASSED.</summary>
    public static string Code(Indication indication) => indication switch
    {
        Indication.TotalPassed => "TOTAL_PASSED",
        Indication.TotalFailed => "TOTAL_FAILED",
        Indication.Indeterminate => "INDETERMINATE",
    };

    /// <summary>The ETSI code as DSS prints it, e.g. HASH_FAILURE; empty for none.</summary>
    public static string Code(SubIndication sub) => sub switch
    {
        SubIndication.None => "",
        SubIndication.FormatFailure => "FORMAT_FAILURE",
        SubIndication.HashFailure => "HASH_FAILURE",
        SubIndication.SigCryptoFailure => "SIG_CRYPTO_FAILURE",
        SubIndication.Revoked => "REVOKED",
        SubIndication.Expired => "EXPIRED",
        SubIndication.NotYetValid => "NOT_YET_VALID",
        SubIndication.SigConstraintsFailure => "SIG_CONSTRAINTS_FAILURE",
        SubIndication.ChainConstraintsFailure => "CHAIN_CONSTRAINTS_FAILURE",
        SubIndication.CertificateChainGeneralFailure => "CERTIFICATE_CHAIN_GENERAL_FAILURE",
        SubIndication.CryptoConstraintsFailureNoPoe => "CRYPTO_CONSTRAINTS_FAILURE_NO_POE",
        SubIndication.NoSigningCertificateFound => "NO_SIGNING_CERTIFICATE_FOUND",
        SubIndication.NoCertificateChainFound => "NO_CERTIFICATE_CHAIN_FOUND",
        SubIndication.RevokedNoPoe => "REVOKED_NO_POE",
        SubIndication.RevokedCaNoPoe => "REVOKED_CA_NO_POE",
        SubIndication.OutOfBoundsNoPoe => "OUT_OF_BOUNDS_NO_POE",
        SubIndication.TryLater => "TRY_LATER",
        _ => sub.ToString(),
    };

    /// <summary>What the sub-indication means for a Sở officer, in Vietnamese.</summary>
    public static string Explain(SubIndication sub) => sub switch
    {
        SubIndication.None => "",
        SubIndication.FormatFailure => "Cấu trúc chữ ký hoặc tệp PDF không đúng định dạng, hoặc nội dung trang đã bị sửa sau khi ký",
        SubIndication.HashFailure => "Nội dung tệp đã bị thay đổi sau khi ký (giá trị băm không khớp)",
        SubIndication.SigCryptoFailure => "Giá trị chữ ký không khớp với khóa công khai của chứng thư người ký",
        SubIndication.Revoked => "Chứng thư của người ký đã bị thu hồi trước thời điểm ký",
        SubIndication.Expired => "Chữ ký được tạo sau khi chứng thư của người ký hết hạn",
        SubIndication.NotYetValid => "Chữ ký được tạo trước khi chứng thư của người ký có hiệu lực",
        SubIndication.SigConstraintsFailure => "Chứng thư của người ký không được phép dùng để ký số (mục đích sử dụng khóa)",
        SubIndication.ChainConstraintsFailure => "Chuỗi chứng thư vi phạm ràng buộc (ràng buộc cơ bản, tên hoặc mục đích sử dụng)",
        SubIndication.CertificateChainGeneralFailure => "Chuỗi chứng thư có chữ ký không hợp lệ",
        SubIndication.CryptoConstraintsFailureNoPoe => "Thuật toán mật mã của chữ ký không còn được chấp nhận",
        SubIndication.NoSigningCertificateFound => "Không tìm thấy chứng thư của người ký trong chữ ký",
        SubIndication.NoCertificateChainFound => "Chứng thư của người ký không thuộc chuỗi tin cậy của Cục Chứng thực số và Bảo mật thông tin (danh sách tin cậy)",
        SubIndication.RevokedNoPoe => "Chứng thư của người ký đã bị thu hồi; không có dấu thời gian chứng minh chữ ký có trước thời điểm thu hồi",
        SubIndication.RevokedCaNoPoe => "Chứng thư của tổ chức cấp trong chuỗi đã bị thu hồi",
        SubIndication.OutOfBoundsNoPoe => "Thời điểm ký nằm ngoài thời hạn hiệu lực của chứng thư (chứng thư đã hết hạn hoặc chưa có hiệu lực)",
        SubIndication.TryLater => "Chưa có danh sách chứng thư bị thu hồi (CRL) để kiểm tra tình trạng chứng thư",
        _ => sub.ToString(),
    };
}
