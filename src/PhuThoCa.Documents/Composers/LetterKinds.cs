namespace PhuThoCa.Documents.Composers;

/// <summary>The <see cref="Domain.Requests.GeneratedLetter.Kind"/> of each document.</summary>
public static class LetterKinds
{
    public const string Rejection = "TuChoi";
    public const string Handover = "BienBan";
    public const string ReceiptSlip = "TiepNhan";
    public const string SupplementSlip = "BoSung";
    public const string ApologySlip = "XinLoi";

    /// <summary>"Mau01" … "Mau06".</summary>
    public static string Form(string formNumber) => "Mau" + formNumber;

    public static string Label(string kind) => kind switch
    {
        Rejection => "Thông báo từ chối của Sở KH&CN",
        ReceiptSlip => "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
        SupplementSlip => "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
        ApologySlip => "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
        Handover => "Biên bản giao, nhận thiết bị lưu khóa bí mật",
        _ when kind.StartsWith("Mau", StringComparison.Ordinal) => "Công văn đề nghị (Mẫu số " + kind[3..] + ")",
        _ => kind,
    };
}
