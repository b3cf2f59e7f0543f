using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Pages.Tokens;

namespace PhuThoCa.Web.Pages.Import;

/// <summary>
/// Token stock from the supplier's or the Cục's delivery list (features G4.4): each row is a <see cref="TokenInput"/>
/// checked by the form's validator, matched by serial; a new token enters the stock ("nhập kho").
/// </summary>
public sealed class TokenImporter(AppDbContext db, IValidator<TokenInput> validator) : RegisterImporter(db)
{
    public const string AgencyField = "Agency";

    private static readonly IReadOnlyList<ImportColumn> TemplateColumns =
    [
        new("Số hiệu thiết bị", nameof(TokenInput.SerialNumber), true,
            "Số sê-ri in trên thiết bị (chữ cái không dấu, chữ số, . _ -); dùng để nhận ra thiết bị đã có khi nhập lại.", "BT2026000123"),
        new("Chủng loại", nameof(TokenInput.Model), true, "Hãng và kiểu thiết bị.", "Bit4id TokenME EVO v2"),
        new("Cơ quan quản lý", AgencyField, false,
            "Tên đầy đủ hoặc tên viết tắt. Cán bộ cơ quan để trống (thiết bị của cơ quan mình); Sở KH&CN phải ghi.", "UBND phường Việt Trì"),
        new("Ghi chú", nameof(TokenInput.Notes), false, "Ví dụ: số biên bản giao nhận của Cục.", "Lô giao 11/2026"),
    ];

    private IReadOnlyDictionary<string, int> _agencies = new Dictionary<string, int>();
    private Dictionary<string, UsbToken> _bySerial = [];

    public override ImportRegister Register => ImportRegister.Tokens;

    public override IReadOnlyList<ImportColumn> Columns => TemplateColumns;

    protected override async Task PrepareAsync(IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        _agencies = await AgencyKeysAsync(ct);
        _bySerial = await Db.Tokens.IgnoreQueryFilters().ToDictionaryAsync(t => t.SerialNumber, StringComparer.Ordinal, ct);
    }

    protected override RowResult Stage(ImportRow row, RowCheck check)
    {
        var input = new TokenInput
        {
            SerialNumber = row[nameof(TokenInput.SerialNumber)],
            Model = row[nameof(TokenInput.Model)],
            Notes = row[nameof(TokenInput.Notes)],
        };
        input.AgencyId = ResolveAgency(_agencies, AgencyField, row, check);
        if (!check.Ok || !check.Add(validator.Validate(input), p => p == nameof(TokenInput.AgencyId) ? AgencyField : p))
        {
            return RowResult.Refused;
        }

        var serial = UsbToken.NormalizeSerial(input.SerialNumber);
        if (!IsFirstInFile(serial, row, check, nameof(TokenInput.SerialNumber)))
        {
            return RowResult.Refused;
        }

        try
        {
            if (!_bySerial.TryGetValue(serial, out var existing))
            {
                var token = new UsbToken(input.AgencyId, input.SerialNumber!, input.Model!, input.Notes);
                return Added(TimelineSubject.Token, token, "Nhập kho từ tệp");
            }

            if (existing.AgencyId != input.AgencyId)
            {
                check.Fail(nameof(TokenInput.SerialNumber), $"Số hiệu thiết bị {serial} đã có trong sổ đăng ký của cơ quan khác.");
                return RowResult.Refused;
            }

            return Updated(TimelineSubject.Token, existing, existing.Update(input.SerialNumber!, input.Model!, input.Notes));
        }
        catch (DomainRuleException e)
        {
            return check.Refuse(e, nameof(TokenInput.SerialNumber));
        }
    }
}
