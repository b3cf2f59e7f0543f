using FluentValidation;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Requests.Review;

/// <summary>
/// Chấp nhận (form "Acceptance"): Sở finds the request valid (QĐ-PT Điều 5.4c, 6.4); eligibility is checked again by the
/// domain as of the actor's day, and the next legal period starts.
/// </summary>
public sealed class AcceptRequest(AppDbContext db, IValidator<NoteInput> validator, RequestServices services)
    : RequestActionHandler<NoteInput>(db, validator)
{
    public override RequestAction Action => RequestAction.Accept;

    protected override async Task<string> ActAsync(Request request, NoteInput input, Actor actor, CancellationToken ct)
    {
        request.Accept(actor, await services.SubjectsAsync(request, ct: ct), await services.DeadlinesAsync(ct), Text.CleanOrNull(input.Note));
        return request.DueDate is { } due ? $"Đã chấp nhận yêu cầu; hạn xử lý {Format.Date(due)}." : "Đã chấp nhận yêu cầu.";
    }
}
