using FluentValidation;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Requests.Review;

namespace PhuThoCa.Web.Requests.Completion;

/// <summary>Đã khôi phục (form "Recovery"): Sở recovered the locked tokens (QĐ-PT Điều 6: within 01 working day).</summary>
public sealed class RecordRecovery(AppDbContext db, IValidator<NoteInput> validator, RequestServices services)
    : RequestActionHandler<NoteInput>(db, validator)
{
    public override RequestAction Action => RequestAction.RecordRecovered;

    protected override async Task<string> ActAsync(Request request, NoteInput input, Actor actor, CancellationToken ct)
    {
        var subjects = await services.SubjectsAsync(request, ct: ct);
        Db.TimelineEvents.AddRange(request.RecordRecovered(subjects.Tokens, actor, Text.CleanOrNull(input.Note)));
        return "Đã ghi nhận khôi phục thiết bị; yêu cầu hoàn thành.";
    }
}
