using FluentValidation;
using FluentValidation.Results;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Requests.CaPortal;

/// <summary>
/// Kết quả của Cục (form "Result"): per line, what the Cục issued, renewed or changed; for a revocation, the day the Cục
/// revoked the certificates. Dates are dd/MM/yyyy as typed.
/// </summary>
public sealed class CaResultInput
{
    public List<CaResultLine> Lines { get; set; } = [];

    public string? RevokedOn { get; set; }
}

public sealed class CaResultLine
{
    public int LineId { get; set; }

    /// <summary>Issue and renew: the new certificate's serial; change: a new serial if the Cục issued one.</summary>
    public string? Serial { get; set; }

    public string? NotBefore { get; set; }

    /// <summary>Issue: expiry of the new certificate; renew: the new expiry date.</summary>
    public string? NotAfter { get; set; }

    public string? TokenSerial { get; set; }
}

/// <summary>The fields each request type's result needs (the type is the request's, from the validation context).</summary>
public sealed class CaResultInputValidator : AbstractValidator<CaResultInput>
{
    private const string NotHex = "Số hiệu chứng thư phải là dãy số hệ thập lục phân (0–9, A–F).";

    public CaResultInputValidator()
    {
        RuleFor(x => x).Custom((input, context) =>
        {
            var request = ActionValidation.RequestOf(context);
            void Add(string property, string message) => context.AddFailure(new ValidationFailure(property, message));
            switch (request.Type)
            {
                case RequestType.Issue:
                    CheckIssueLines(input, request, Add);
                    break;
                case RequestType.Renew:
                    CheckRenewLines(input, request, Add);
                    break;
                case RequestType.ChangeInfo:
                    ForEachLine(input, request, Add, (line, i) =>
                    {
                        if (!string.IsNullOrWhiteSpace(line.Serial) && !Certificate.IsValidSerial(line.Serial))
                        {
                            Add($"Lines[{i}].Serial", NotHex);
                        }
                    }, requireAll: false);
                    break;
                case RequestType.Revoke:
                    if (ActionValidation.LineDate(input.RevokedOn, nameof(CaResultInput.RevokedOn), "ngày Cục thu hồi chứng thư", Add) is { } on
                        && on > ActionValidation.TodayOf(context))
                    {
                        Add(nameof(CaResultInput.RevokedOn), "Ngày không được sau ngày hôm nay.");
                    }

                    break;
                case RequestType.RecoverToken:
                    break;
            }
        });
    }

    private static void CheckIssueLines(CaResultInput input, Request request, Action<string, string> add)
    {
        var serials = new HashSet<string>(StringComparer.Ordinal);
        ForEachLine(input, request, add, (line, i) =>
        {
            if (string.IsNullOrWhiteSpace(line.Serial))
            {
                add($"Lines[{i}].Serial", "Vui lòng nhập số hiệu chứng thư do Cục cấp.");
            }
            else if (!Certificate.IsValidSerial(line.Serial))
            {
                add($"Lines[{i}].Serial", NotHex);
            }
            else if (!serials.Add(Certificate.NormalizeSerial(line.Serial)))
            {
                add($"Lines[{i}].Serial", "Số hiệu chứng thư bị trùng với dòng khác.");
            }

            var from = ActionValidation.LineDate(line.NotBefore, $"Lines[{i}].NotBefore", "ngày bắt đầu hiệu lực", add);
            var to = ActionValidation.LineDate(line.NotAfter, $"Lines[{i}].NotAfter", "ngày hết hạn", add);
            if (from is not null && to is not null && to <= from)
            {
                add($"Lines[{i}].NotAfter", "Ngày hết hạn phải sau ngày bắt đầu hiệu lực.");
            }

            if (line.TokenSerial is { Length: > UsbToken.SerialMaxLength })
            {
                add($"Lines[{i}].TokenSerial", $"Số hiệu thiết bị không được dài quá {UsbToken.SerialMaxLength} ký tự.");
            }
        });
    }

    private static void CheckRenewLines(CaResultInput input, Request request, Action<string, string> add) =>
        ForEachLine(input, request, add, (line, i) =>
        {
            if (string.IsNullOrWhiteSpace(line.Serial))
            {
                add($"Lines[{i}].Serial", "Vui lòng nhập số hiệu chứng thư gia hạn do Cục cấp.");
            }
            else if (!Certificate.IsValidSerial(line.Serial))
            {
                add($"Lines[{i}].Serial", NotHex);
            }

            ActionValidation.LineDate(line.NotAfter, $"Lines[{i}].NotAfter", "ngày hết hạn mới", add);
        });

    /// <summary>Runs <paramref name="check"/> on the input row of every line of the request (by line id); a missing row is an error.</summary>
    private static void ForEachLine(CaResultInput input, Request request, Action<string, string> add,
        Action<CaResultLine, int> check, bool requireAll = true)
    {
        foreach (var line in request.Lines)
        {
            var index = input.Lines.FindIndex(l => l.LineId == line.Id);
            if (index < 0)
            {
                if (requireAll)
                {
                    add(string.Empty, $"Thiếu kết quả của dòng “{line.SubscriberName}”.");
                }

                continue;
            }

            check(input.Lines[index], index);
        }
    }
}

/// <summary>
/// Sở records the Cục's result; the registers follow in the same unit of work (<see cref="CaResultRecorder"/>): issued
/// certificates and tokens are added, renewed ones get their successor, changes reach certificate and subscriber, revoked
/// certificates are marked and the token-return period starts.
/// </summary>
public sealed class RecordCaResult(AppDbContext db, IValidator<CaResultInput> validator, RequestServices services)
    : RequestActionHandler<CaResultInput>(db, validator)
{
    private CaResultRecorder? _recorder;

    public override RequestAction Action => RequestAction.RecordCaResult;

    protected override async Task<string> ActAsync(Request request, CaResultInput input, Actor actor, CancellationToken ct)
    {
        var recorder = _recorder = new CaResultRecorder(Db);
        CaResultLine? Row(RequestLine line) => input.Lines.FirstOrDefault(l => l.LineId == line.Id);
        var deadlines = await services.DeadlinesAsync(ct);
        return request.Type switch
        {
            RequestType.Issue => await recorder.RecordIssuedAsync(request, [.. request.Lines.Select(l =>
            {
                var row = Row(l)!;
                return new IssuedLine(l, row.Serial!, Format.ParseDate(row.NotBefore)!.Value, Format.ParseDate(row.NotAfter)!.Value,
                    Text.CleanOrNull(row.TokenSerial));
            })], actor, deadlines, ct),
            RequestType.Renew => await recorder.RecordRenewedAsync(request, [.. request.Lines.Select(l =>
            {
                var row = Row(l)!;
                return new RenewedLine(l, row.Serial ?? "", Format.ParseDate(row.NotAfter)!.Value);
            })], actor, deadlines, ct),
            RequestType.ChangeInfo => await recorder.RecordChangedAsync(request, [.. request.Lines
                .Select(l => l.CertificateId!.Value).Distinct()
                .Select(certificateId => new ChangedLine(certificateId, request.Lines.Where(l => l.CertificateId == certificateId)
                    .Select(l => Row(l)?.Serial).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s))))], actor, deadlines, ct),
            RequestType.Revoke => await recorder.RecordRevokedAsync(request, Format.ParseDate(input.RevokedOn)!.Value, actor,
                deadlines, ct),
            RequestType.RecoverToken => throw new DomainRuleException(RequestRules.TransitionMustBeInTheTable,
                "Yêu cầu khôi phục thiết bị không có kết quả của Cục."),
        };
    }

    protected override bool AfterFirstSave()
    {
        if (_recorder is not { PendingEvents.Count: > 0 } recorder)
        {
            return false;
        }

        recorder.AddPendingEvents();
        return true;
    }
}
