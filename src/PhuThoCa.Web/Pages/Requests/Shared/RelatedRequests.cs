using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Pages.Requests;

/// <summary>A request with a line on a certificate or a token, for "Yêu cầu liên quan" on their pages.</summary>
public sealed record RelatedRequest(int Id, string? ReceiptNumber, RequestType Type, RequestStatus Status, DateTime CreatedAtUtc,
    DateTime? SubmittedAtUtc, DateOnly? DueDate, DateTime? ClosedAtUtc)
{
    public bool IsOpen => RequestStatuses.IsOpen(Status);

    public OpenRequestRef Ref => new(Id, Type, Status, ReceiptNumber);
}

/// <summary>
/// The requests (open and past, newest first) whose lines refer to a certificate or a token, within the reader's agency
/// scope (the query filter on requests); their open ones feed <see cref="NextRequests"/>. A draft of another officer of
/// the same agency counts: it is the agency's request.
/// </summary>
public static class RelatedRequests
{
    public static Task<List<RelatedRequest>> ForCertificateAsync(AppDbContext db, int certificateId, CancellationToken ct) =>
        QueryAsync(db.Requests.AsNoTracking().Where(r => r.Lines.Any(l => l.CertificateId == certificateId)), ct);

    public static Task<List<RelatedRequest>> ForTokenAsync(AppDbContext db, int tokenId, CancellationToken ct) =>
        QueryAsync(db.Requests.AsNoTracking().Where(r => r.Lines.Any(l => l.TokenId == tokenId)), ct);

    private static Task<List<RelatedRequest>> QueryAsync(IQueryable<Request> requests, CancellationToken ct) =>
        requests.OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new RelatedRequest(r.Id, r.ReceiptNumber, r.Type, r.Status, r.CreatedAtUtc, r.SubmittedAtUtc, r.DueDate, r.ClosedAtUtc))
            .ToListAsync(ct);
}

/// <summary>What the "Yêu cầu liên quan" partial shows: the requests, the next requests and whether the reader may start one.</summary>
public sealed record RelatedRequestsView(IReadOnlyList<RelatedRequest> Requests, IReadOnlyList<NextRequest> Next, bool CanStart,
    string SubjectParameter, int SubjectId);
