using PhuThoCa.Domain.Common;

namespace PhuThoCa.Domain.Tests.Common;

/// <summary>The stored sort key orders names as Vietnamese lists do, by plain ordinal comparison (issue 13).</summary>
public class VietnameseCollationTests
{
    [Fact]
    public void AgencyNames_FollowTheVietnameseAlphabet_ÂAfterABeforeB_ĐAfterD()
    {
        string[] expected =
        [
            "UBND phường Âu Cơ",
            "UBND phường Bạch Hạc",
            "UBND phường Dữu Lâu",
            "UBND phường Đền Hùng",
            "UBND phường Xuân Hòa",
        ];

        var sorted = expected.Reverse().OrderBy(VietnameseCollation.Key, StringComparer.Ordinal).ToArray();

        Assert.Equal(expected, sorted);
    }

    [Fact]
    public void ACharacterOutsideTheBmp_IsNoLetter_AndNoError()
    {
        // An emoji or a rare Han character is two UTF-16 halves; normalising one half alone threw, so creating such a
        // subscriber answered 500 (found by the search index's tests, session 10).
        Assert.Equal(VietnameseCollation.PersonKey("Nguyễn Văn An"), VietnameseCollation.PersonKey("Nguyễn Văn An😀"));
        Assert.Equal(VietnameseCollation.Key("Phòng Hành chính"), VietnameseCollation.Key("Phòng 𠀀Hành chính"));
    }

    [Fact]
    public void Persons_SortByGivenName_ThenFamilyAndMiddleNames()
    {
        string[] expected = ["Trần Thị An", "Nguyễn Văn Bình", "Bùi Đức Cường", "Bùi Xuân Cường", "Lê Đức", "Bùi Xuân"];

        var sorted = expected.Reverse().OrderBy(VietnameseCollation.PersonKey, StringComparer.Ordinal).ToArray();

        Assert.Equal(expected, sorted);
    }

    [Fact]
    public void Tones_AreASecondLevel_OnlyBetweenOtherwiseEqualNames()
    {
        string[] tones = ["Ba", "Bà", "Bả", "Bã", "Bá", "Bạ"];
        string[] letters = ["Bá", "Bac", "Bạch"]; // the letters decide first: "ba" < "bac" < "bach"

        Assert.Equal(tones, tones.Reverse().OrderBy(VietnameseCollation.Key, StringComparer.Ordinal));
        Assert.Equal(letters, letters.Reverse().OrderBy(VietnameseCollation.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Nguyễn Văn An", "nguyễn văn an")]
    [InlineData("UBND PHƯỜNG ÂU CƠ", "UBND phường Âu Cơ")]
    [InlineData("Nguye\u0302\u0303n", "Nguyễn")] // decomposed (NFD) input from macOS or Word
    public void CaseAndUnicodeForm_DoNotChangeTheKey(string a, string b) =>
        Assert.Equal(VietnameseCollation.Key(a), VietnameseCollation.Key(b));

    [Fact]
    public void TheKey_IsDigitsOnlyBeforeItsSeparator_SoCaseInsensitiveDatabaseCollationsKeepTheOrder()
    {
        var key = VietnameseCollation.Key("Phường 1, Việt Trì");

        Assert.Matches("^[0-9]+![0-5]*$", key);
        Assert.True(key.Length <= VietnameseCollation.MaxLength);
        Assert.True(VietnameseCollation.Key(new string('a', 1000)).Length <= VietnameseCollation.MaxLength);
    }
}
