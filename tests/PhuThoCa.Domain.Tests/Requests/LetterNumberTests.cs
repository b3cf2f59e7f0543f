using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;

namespace PhuThoCa.Domain.Tests.Requests;

/// <summary>One number of one agency names one letter a year (Nghị định 30/2020/NĐ-CP Điều 15 khoản 1).</summary>
public class LetterNumberTests
{
    private static Request Draft(string number, DateOnly date, int id = 50)
    {
        var request = RequestWorld.NewDraft(RequestType.Renew, RequestWorld.Monday);
        request.UpdateLetter(new RequestLetter(number, date, "Nguyễn Huy Hoàng", "Chủ tịch"));
        RequestWorld.SetId(request, id);
        return request;
    }

    [Theory]
    [InlineData("15/UBND-VP", "15/UBND-VP")]
    [InlineData("015/UBND-VP", "15/UBND-VP")]
    [InlineData("15 / ubnd-vp", "15/UBND-VP")]
    [InlineData("0/UBND", "0/UBND")]
    public void Numbers_are_compared_as_a_van_thu_reads_them(string number, string key) =>
        Assert.Equal(key, LetterNumbers.Key(number));

    [Fact]
    public void A_number_the_agency_already_sent_this_year_is_refused_naming_the_other_request()
    {
        var request = Draft("015/ubnd-vp", new DateOnly(2026, 3, 2));
        SentLetterNumber[] sent = [new(41, "SKHCN-2026-000041", "15/UBND-VP", new DateOnly(2026, 2, 10))];

        var error = Assert.Throws<DomainRuleException>(() => request.EnsureLetterNumberIsFree(sent));

        Assert.Equal(RequestRules.LetterNumberAlreadyUsed, error.Rule);
        Assert.Contains("Số văn bản 015/ubnd-vp đã được dùng cho văn bản ngày 10/02/2026 của yêu cầu SKHCN-2026-000041", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nghị định số 30/2020/NĐ-CP, Điều 15 khoản 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreceived_other_request_is_named_by_its_id()
    {
        var request = Draft("15/UBND-VP", new DateOnly(2026, 3, 2));

        var error = Assert.Throws<DomainRuleException>(() =>
            request.EnsureLetterNumberIsFree([new SentLetterNumber(7, null, "15/UBND-VP", new DateOnly(2026, 3, 1))]));

        Assert.Contains("của yêu cầu #7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_number_in_another_year_another_number_or_the_request_itself_is_free()
    {
        var request = Draft("15/UBND-VP", new DateOnly(2026, 3, 2), id: 50);

        request.EnsureLetterNumberIsFree([
            new SentLetterNumber(41, null, "15/UBND-VP", new DateOnly(2025, 12, 30)),
            new SentLetterNumber(42, null, "16/UBND-VP", new DateOnly(2026, 1, 5)),
            new SentLetterNumber(50, null, "15/UBND-VP", new DateOnly(2026, 3, 2)),
            new SentLetterNumber(43, null, "15/SYT-VP", new DateOnly(2026, 1, 5)),
        ]);

        Assert.Equal("15/UBND-VP", request.Letter.Number);
    }
}
