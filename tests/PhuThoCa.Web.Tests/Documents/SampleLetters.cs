using System.Globalization;
using PhuThoCa.Documents.Layout;
using PhuThoCa.Documents.Nd30;

namespace PhuThoCa.Web.Tests.Documents;

/// <summary>Sample documents shared by the letter tests and tests/benchmarks/LetterBenchmark.</summary>
public static class SampleLetters
{
    public static readonly LetterRenderOptions Options = new(new DateTimeOffset(2026, 2, 5, 8, 30, 0, TimeSpan.FromHours(7)));

    public static LetterHeader Header(string? number = "15") =>
        new("Sở Nông nghiệp và Môi trường", "SNNMT-VP", "Phú Thọ", new DateOnly(2026, 2, 5))
        {
            ParentAuthority = "UBND tỉnh Phú Thọ",
            Number = number,
        };

    /// <summary>Mẫu 06: a one-page request to recover a token.</summary>
    public static OfficialLetter OnePage() => new(
        Header(),
        "đề nghị khôi phục thiết bị lưu khóa bí mật",
        ["Sở Khoa học và Công nghệ tỉnh Phú Thọ"],
        [
            new LetterParagraph("Căn cứ Nghị định số 68/2024/NĐ-CP ngày 25/6/2024 của Chính phủ quy định về chữ ký số chuyên dùng công vụ, Sở Nông nghiệp và Môi trường đề nghị Sở Khoa học và Công nghệ khôi phục thiết bị lưu khóa bí mật như sau:"),
            new LetterSectionHeading("1. Thông tin người phối hợp thực hiện khôi phục thiết bị lưu khóa bí mật"),
            new LetterParagraph([new LetterSpan("- Họ và tên: "), new LetterSpan("Nguyễn Thị Thu Hường", Bold: true)]),
            new LetterParagraph("- Số định danh cá nhân: 025186004321; Ngày cấp: 12/8/2021; Nơi cấp: Cục Cảnh sát quản lý hành chính về trật tự xã hội."),
            new LetterParagraph("- Chức vụ: Chuyên viên Văn phòng Sở; Số điện thoại di động: 0912 345 678."),
            new LetterSectionHeading("2. Thông tin thiết bị lưu khóa bí mật cần khôi phục"),
            new LetterTable(
                [
                    new LetterTableColumn("STT", 0.6f) { Alignment = TextAlignment.Center },
                    new LetterTableColumn("Số hiệu thiết bị lưu khóa bí mật", 1.6f) { Alignment = TextAlignment.Center },
                    new LetterTableColumn("Tên chứng thư chữ ký số", 1.8f) { Group = "Thông tin của thuê bao" },
                    new LetterTableColumn("Cơ quan, tổ chức công tác", 1.9f) { Group = "Thông tin của thuê bao" },
                    new LetterTableColumn("Địa chỉ thư điện tử công vụ", 2.1f) { Group = "Thông tin của thuê bao" },
                ],
                [
                    ["1", "TK-2024-018734", "Nguyễn Thị Thu Hường", "Văn phòng Sở Nông nghiệp và Môi trường", "huongntt.snnmt@phutho.gov.vn"],
                    ["2", "TK-2023-004512", "Đỗ Mạnh Cường", "Chi cục Kiểm lâm", "cuongdm.kiemlam@phutho.gov.vn"],
                ]),
        ],
        ["Như trên", "Cục Chứng thực số và Bảo mật thông tin (để biết)"],
        "VT, VP",
        LetterSigner.OnBehalfOf("Giám đốc", "Phó Giám đốc", "Trần Quang Huy"))
    {
        Closing = "Sở Nông nghiệp và Môi trường chịu trách nhiệm về tính chính xác của các thông tin trên./.",
    };

    /// <summary>Mẫu 01 with a 40-row subscriber table that spans pages.</summary>
    public static OfficialLetter FortyRows()
    {
        string[] family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"];
        string[] middle = ["Văn", "Thị", "Đức", "Thu", "Minh", "Ngọc", "Quang", "Thanh"];
        string[] given = ["Hường", "Hùng", "Lan", "Phúc", "Dũng", "Yến", "Tuấn", "Trang", "Sơn", "Hạnh", "Việt"];
        string[] posts = ["Chuyên viên", "Phó Trưởng phòng", "Trưởng phòng", "Chánh Văn phòng", "Kế toán"];
        var rows = new List<IReadOnlyList<string>>();
        for (var i = 1; i <= 40; i++)
        {
            var name = $"{family[i % family.Length]} {middle[i % middle.Length]} {given[i % given.Length]}";
            var id = (25186000000L + (i * 7919L)).ToString("000000000000", CultureInfo.InvariantCulture);
            rows.Add(
            [
                i.ToString(CultureInfo.InvariantCulture),
                name,
                $"{1 + (i % 28):00}/{1 + (i % 12):00}/{1970 + (i % 30)}",
                id,
                $"canbo{i:00}.snnmt@phutho.gov.vn",
                posts[i % posts.Length],
                $"09{i % 10}{(1234567 + (i * 37)) % 10000000:0000000}",
            ]);
        }

        return new OfficialLetter(
            Header("08"),
            "đề nghị cấp chứng thư chữ ký số chuyên dùng công vụ cho cá nhân",
            ["Cục Chứng thực số và Bảo mật thông tin - Ban Cơ yếu Chính phủ", "Sở Khoa học và Công nghệ tỉnh Phú Thọ"],
            [
                new LetterParagraph("Căn cứ Nghị định số 68/2024/NĐ-CP ngày 25/6/2024 của Chính phủ quy định về chữ ký số chuyên dùng công vụ, Sở Nông nghiệp và Môi trường đề nghị cấp chứng thư chữ ký số chuyên dùng công vụ cho cá nhân như sau:"),
                new LetterSectionHeading("1. Thông tin người tiếp nhận chứng thư chữ ký số (thiết bị lưu khóa bí mật)"),
                new LetterParagraph("- Họ và tên: Nguyễn Thị Thu Hường; Chức vụ: Chuyên viên Văn phòng Sở."),
                new LetterParagraph("- Địa chỉ tiếp nhận: Số 1 đường Trần Phú, phường Việt Trì, tỉnh Phú Thọ."),
                new LetterSectionHeading("2. Số lượng và danh sách đăng ký: 40 chứng thư, gồm:"),
                new LetterTable(
                    [
                        new LetterTableColumn("STT", 0.55f) { Alignment = TextAlignment.Center },
                        new LetterTableColumn("Họ và tên", 1.55f),
                        new LetterTableColumn("Ngày sinh", 1.1f) { Alignment = TextAlignment.Center },
                        new LetterTableColumn("Số định danh cá nhân", 1.45f) { Alignment = TextAlignment.Center },
                        new LetterTableColumn("Địa chỉ thư điện tử công vụ", 1.75f),
                        new LetterTableColumn("Chức vụ", 1.2f),
                        new LetterTableColumn("Số điện thoại di động", 1.2f) { Alignment = TextAlignment.Center },
                    ],
                    rows) { FontSize = 11 },
            ],
            ["Như trên", "Sở Khoa học và Công nghệ (để biết, theo dõi, tổng hợp)"],
            "VT, VP",
            LetterSigner.Head("Giám đốc", "Lê Minh Tuấn"))
        {
            Closing = "Sở Nông nghiệp và Môi trường chịu trách nhiệm về tính chính xác của các thông tin trên./.",
        };
    }

    /// <summary>Biên bản giao, nhận thiết bị lưu khóa bí mật (Mẫu 08).</summary>
    public static MinutesRecord Handover() => new(
        new LetterHeader("Sở Khoa học và Công nghệ", "BB-SKHCN", "Phú Thọ", new DateOnly(2026, 3, 12))
        {
            ParentAuthority = "UBND tỉnh Phú Thọ",
            Number = "3",
        },
        "Giao, nhận thiết bị lưu khóa bí mật",
        [
            new LetterParagraph("Hôm nay, ngày 12 tháng 3 năm 2026, tại Sở Khoa học và Công nghệ tỉnh Phú Thọ, chúng tôi gồm:"),
            new LetterParagraph([new LetterSpan("Bên giao: ", Bold: true), new LetterSpan("Sở Khoa học và Công nghệ, đại diện là ông Phạm Đức Thắng, Trưởng phòng Chuyển đổi số.")]),
            new LetterParagraph([new LetterSpan("Bên nhận: ", Bold: true), new LetterSpan("Sở Nông nghiệp và Môi trường, đại diện là bà Nguyễn Thị Thu Hường, Chuyên viên Văn phòng Sở.")]),
            new LetterParagraph("Hai bên thống nhất giao, nhận 01 thiết bị lưu khóa bí mật số hiệu TK-2024-018734 còn nguyên niêm phong. Biên bản được lập thành 02 bản, mỗi bên giữ 01 bản có giá trị như nhau./."),
        ],
        [
            new LetterSigner(["BÊN GIAO"], "Phạm Đức Thắng") { Note = "(Ký, ghi rõ họ tên)" },
            new LetterSigner(["BÊN NHẬN"], "Nguyễn Thị Thu Hường") { Note = "(Ký, ghi rõ họ tên)" },
        ]);
}
