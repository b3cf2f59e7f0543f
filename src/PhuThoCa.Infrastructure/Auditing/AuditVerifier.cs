using Microsoft.EntityFrameworkCore;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Infrastructure.Auditing;

/// <summary>The outcome of a verification: how many entries were checked and, when broken, the first broken entry.</summary>
public sealed record AuditVerification(long Count, long? FirstBrokenId, string? Problem)
{
    public bool IsIntact => FirstBrokenId is null;
}

/// <summary>
/// Walks the chain in sequence order and names the first entry that fails: a gap in the sequence, a previous hash that is
/// not the hash of the entry before (a reordering, or an edit whose own hash was recomputed), a hash that is not the hash
/// of its own content, a chain that ends before its head says it does (entries cut from the end), or entries beyond the
/// head. The head is read first, so entries appended while the verification runs are not mistaken for breaks: the chain
/// up to that head is immutable and complete in any later state.
/// </summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var head = await HeadAsync(db, ct);
        if (head is null)
        {
            return new AuditVerification(0, 1, "Thiếu bản ghi đầu chuỗi nhật ký.");
        }

        var expected = 1L;
        var previous = AuditCanonicalForm.GenesisHash;
        var count = 0L;
        var query = db.AuditEntries.AsNoTracking().Where(e => e.Id <= head.LastSequence).OrderBy(e => e.Id);
        await foreach (var e in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.Id != expected)
            {
                return new AuditVerification(count, expected, $"Thiếu mục số {expected} (mục kế tiếp là số {e.Id}).");
            }

            if (!string.Equals(e.PreviousHash, previous, StringComparison.Ordinal))
            {
                return new AuditVerification(count, e.Id, "Mã băm của mục trước không khớp (mục trước bị sửa, xóa hoặc đổi chỗ).");
            }

            if (!string.Equals(AuditCanonicalForm.ComputeHash(previous, e), e.Hash, StringComparison.Ordinal))
            {
                return new AuditVerification(count, e.Id, "Nội dung mục không khớp với mã băm (mục đã bị sửa).");
            }

            previous = e.Hash;
            expected++;
            count++;
        }

        if (count < head.LastSequence)
        {
            return new AuditVerification(count, count + 1,
                $"Thiếu các mục cuối chuỗi: đầu chuỗi ghi số {head.LastSequence}, chỉ còn {count} mục.");
        }

        if (!string.Equals(head.LastHash, previous, StringComparison.Ordinal))
        {
            return new AuditVerification(count, Math.Max(count, 1), "Mã băm của mục cuối không khớp với đầu chuỗi (mục cuối bị sửa).");
        }

        // Entries beyond the head read above are either appended since (their head update committed with them) or forged.
        var lastId = await db.AuditEntries.AsNoTracking().MaxAsync(e => (long?)e.Id, ct) ?? 0;
        if (lastId > head.LastSequence && lastId > ((await HeadAsync(db, ct))?.LastSequence ?? 0))
        {
            return new AuditVerification(count, head.LastSequence + 1, "Có mục nằm ngoài chuỗi (thêm vào sau đầu chuỗi).");
        }

        return new AuditVerification(count, null, null);
    }

    private static Task<AuditChainHead?> HeadAsync(AppDbContext db, CancellationToken ct) =>
        db.AuditChainHeads.AsNoTracking().FirstOrDefaultAsync(h => h.Id == AuditChainHead.SingletonId, ct);
}
