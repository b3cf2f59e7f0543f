using Microsoft.EntityFrameworkCore;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Infrastructure.Auditing;

/// <summary>The outcome of a verification: how many entries were checked and, when broken, the first broken entry.</summary>
public sealed record AuditVerification(long Count, long? FirstBrokenId, string? Problem)
{
    public bool IsIntact => FirstBrokenId is null;
}

/// <summary>
/// Walks the chain in sequence order and names the first entry that fails: a gap or a reordering in the sequence, a
/// previous hash that is not the hash of the entry before, a hash that is not the hash of its own content, or a chain that
/// ends before the head says it does (entries cut from the end).
/// </summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var expected = 1L;
        var previous = AuditCanonicalForm.GenesisHash;
        var count = 0L;
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
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

        var head = await db.AuditChainHeads.AsNoTracking().FirstOrDefaultAsync(h => h.Id == AuditChainHead.SingletonId, ct);
        if (head is null)
        {
            return new AuditVerification(count, expected, "Thiếu bản ghi đầu chuỗi nhật ký.");
        }

        if (head.LastSequence != count || !string.Equals(head.LastHash, previous, StringComparison.Ordinal))
        {
            return new AuditVerification(count, Math.Min(head.LastSequence, count + 1),
                head.LastSequence > count ? $"Thiếu các mục cuối chuỗi: đầu chuỗi ghi số {head.LastSequence}, chỉ còn {count} mục."
                    : "Đầu chuỗi không khớp với mục cuối cùng.");
        }

        return new AuditVerification(count, null, null);
    }
}
