namespace PhuThoCa.Documents.Composers;

/// <summary>
/// Wording of the request letters that the regulation does not fix, bound from the configuration section
/// <c>Letters</c> (domain-spec §3: the opening and closing sentences and the Mẫu 03 columns are unverified [U],
/// so an administrator can correct them without a new release). Every default is Vietnamese as printed.
/// </summary>
public sealed class RequestLetterOptions
{
    public const string SectionName = "Letters";

    /// <summary>Column "Tỉnh/Thành phố" of Mẫu 01–03.</summary>
    public string Province { get; set; } = "Phú Thọ";

    /// <summary>Địa danh of provincial bodies (ô 4); a UBND xã/phường uses its own name.</summary>
    public string Place { get; set; } = "Phú Thọ";

    /// <summary>"Kính gửi" of Mẫu 01, 02, 03 and 05 (QĐ-PT Điều 4).</summary>
    public string CaDepartment { get; set; } = "Cục Chứng thực số và Bảo mật thông tin – Ban Cơ yếu Chính phủ";

    /// <summary>The Cục as the opening sentence names it.</summary>
    public string CaDepartmentShort { get; set; } = "Cục Chứng thực số và Bảo mật thông tin";

    /// <summary>"Kính gửi" of Mẫu 04 and 06 (QĐ-PT Điều 5.4a, 6.2).</summary>
    public string ScienceDepartment { get; set; } = "Sở Khoa học và Công nghệ tỉnh Phú Thọ";

    /// <summary>Sở as the opening sentence and the rejection notice name it.</summary>
    public string ScienceDepartmentShort { get; set; } = "Sở Khoa học và Công nghệ";

    /// <summary>Nơi nhận line of Mẫu 01, 02, 03 and 05 (QĐ-PT Điều 4: Sở is copied "để biết, theo dõi, tổng hợp").</summary>
    public string ScienceDepartmentCopyLine { get; set; } = "Sở Khoa học và Công nghệ tỉnh Phú Thọ (để biết, theo dõi, tổng hợp)";

    /// <summary>
    /// Opening paragraph [U]. Placeholders: {agency} (the requesting agency), {recipient} (the Cục or Sở, short),
    /// {action} (e.g. "cấp chứng thư chữ ký số chuyên dùng công vụ cho cá nhân").
    /// </summary>
    public string Opening { get; set; } =
        "Căn cứ Nghị định số 68/2024/NĐ-CP ngày 25/6/2024 của Chính phủ quy định về chữ ký số chuyên dùng công vụ, "
        + "{agency} đề nghị {recipient} {action} như sau:";

    /// <summary>Closing sentence [U], printed before the signature. Placeholder: {agency}.</summary>
    public string Closing { get; set; } = "{agency} chịu trách nhiệm về tính chính xác của các thông tin trên./.";

    /// <summary>
    /// Mẫu 03 table columns after "STT" [U: no source found]. Empty means <see cref="DefaultForm03Columns"/>
    /// (domain-spec §3.2). Configure as Letters:Form03Columns:0:Header, …:Field, …:Weight.
    /// </summary>
    public List<Form03Column> Form03Columns { get; set; } = [];

    /// <summary>Who issues Sở KH&amp;CN's rejection notice (QĐ-PT Điều 5.4b, 6.3).</summary>
    public ScienceDepartmentIssuer Issuer { get; set; } = new();

    /// <summary>
    /// The provincial regulation as the rejection notice cites it: its full title and the decision that issued it.
    /// Placeholder {number}: <see cref="RegulationNumber"/>.
    /// </summary>
    public string RegulationCitation { get; set; } =
        "Quy chế quản lý, sử dụng chữ ký số chuyên dùng công vụ, chứng thư chữ ký số chuyên dùng công vụ, thiết bị lưu khóa "
        + "bí mật và dịch vụ chứng thực chữ ký số chuyên dùng công vụ thuộc phạm vi quản lý của Chủ tịch UBND tỉnh Phú Thọ "
        + "ban hành kèm theo Quyết định số {number}/2025/QĐ-CTUBND ngày 20/10/2025 của Chủ tịch Ủy ban nhân dân tỉnh Phú Thọ";

    /// <summary>Số of the decision issuing the regulation ("…/2025/QĐ-CTUBND"); blank prints "…" until it is known.</summary>
    public string? RegulationNumber { get; set; }

    /// <summary><see cref="RegulationCitation"/> with the decision's number, or "…" when none is configured.</summary>
    public string Regulation() =>
        RegulationCitation.Replace("{number}", string.IsNullOrWhiteSpace(RegulationNumber) ? "…" : RegulationNumber.Trim(), StringComparison.Ordinal);

    /// <summary>Absolute base of the links in the QR codes, e.g. "https://chukyso.phutho.gov.vn"; empty: the request's host.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Key of the public status links (<see cref="StatusLinks"/>); empty: a random key kept in the data folder.</summary>
    public string? StatusKey { get; set; }

    public static IReadOnlyList<Form03Column> DefaultForm03Columns { get; } =
    [
        new("Tên thiết bị, dịch vụ, phần mềm", Form03Field.Name, 1.5f),
        new("Phiên bản/Địa chỉ (tên miền, IP)", Form03Field.VersionOrAddress, 1.5f),
        new("Tên cơ quan, tổ chức quản lý", Form03Field.AgencyName, 1.5f),
        new("Mã số thuế", Form03Field.TaxCode, 1.3f),
        new("Mã quan hệ ngân sách", Form03Field.BudgetCode, 1.05f),
        new("Tỉnh/Thành phố", Form03Field.Province, 0.95f),
        new("Địa chỉ thư điện tử công vụ", Form03Field.Email, 1.7f),
    ];

    public IReadOnlyList<Form03Column> EffectiveForm03Columns =>
        Form03Columns.Count > 0 ? Form03Columns : DefaultForm03Columns;
}

/// <summary>What a Mẫu 03 column prints for each device, service or software.</summary>
public enum Form03Field
{
    Name,
    VersionOrAddress,
    AgencyName,
    TaxCode,
    BudgetCode,
    Province,
    Email,
    Address,
    Phone,
    PreviousCertificateSerial,
}

/// <summary>A configurable Mẫu 03 column: header text, what it prints, relative width.</summary>
public sealed class Form03Column
{
    public Form03Column()
    {
    }

    public Form03Column(string header, Form03Field field, float weight)
    {
        Header = header;
        Field = field;
        Weight = weight;
    }

    public string Header { get; set; } = "";

    public Form03Field Field { get; set; }

    public float Weight { get; set; } = 1f;
}

/// <summary>Header and default signer of Sở KH&amp;CN's own letters (the rejection notice).</summary>
public sealed class ScienceDepartmentIssuer
{
    public string Name { get; set; } = "Sở Khoa học và Công nghệ";

    public string ParentAuthority { get; set; } = "UBND tỉnh Phú Thọ";

    /// <summary>Ký hiệu after the number: agency and drafting unit (domain-spec §5.5; "SKHCN" per §8 Q6).</summary>
    public string Symbol { get; set; } = "SKHCN-CĐS";

    /// <summary>Quyền hạn and chức vụ, one line each; "/" also separates lines.</summary>
    public string SignerTitle { get; set; } = "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC";

    public string SignerName { get; set; } = "";

    /// <summary>Printed before the register's sequence number of a rejection notice (e.g. "TB"); empty by default.</summary>
    public string RejectionNumberPrefix { get; set; } = "";

    /// <summary>Printed after the sequence number: "/" and the ký hiệu, giving "123/TB-SKHCN".</summary>
    public string RejectionNumberSuffix { get; set; } = "/TB-SKHCN";

    /// <summary>The rejection notice's số and ký hiệu for the year's sequence number <paramref name="sequence"/>.</summary>
    public string RejectionNumber(int sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{RejectionNumberPrefix}{sequence}{RejectionNumberSuffix}");

    /// <summary>
    /// Printed after a one-stop-shop slip's sequence number: "/" and its ký hiệu, giving "12/GTN-SKHCN" (giấy tiếp nhận) or
    /// "12/PBS-SKHCN" (phiếu yêu cầu bổ sung) [U: no form found for the province's one-stop-shop slips; configurable].
    /// </summary>
    public string ReceiptSlipNumberSuffix { get; set; } = "/GTN-SKHCN";

    /// <inheritdoc cref="ReceiptSlipNumberSuffix"/>
    public string SupplementSlipNumberSuffix { get; set; } = "/PBS-SKHCN";

    /// <inheritdoc cref="ReceiptSlipNumberSuffix"/>
    public string ApologySlipNumberSuffix { get; set; } = "/PXL-SKHCN";

    /// <summary>The slip's số and ký hiệu of kind <paramref name="kind"/> for the year's sequence number <paramref name="sequence"/>.</summary>
    public string SlipNumber(string kind, int sequence) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{sequence}{kind switch
        {
            LetterKinds.SupplementSlip => SupplementSlipNumberSuffix,
            LetterKinds.ApologySlip => ApologySlipNumberSuffix,
            _ => ReceiptSlipNumberSuffix,
        }}");
}
