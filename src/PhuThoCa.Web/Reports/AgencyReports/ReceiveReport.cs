using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Reports;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Reports.AgencyReports;

/// <summary>
/// Tiếp nhận báo cáo: Sở records that it has received an agency's sent report (QĐ-PT Điều 9.6). The caller checks policy
/// <see cref="Infrastructure.Policies.ScienceDepartment"/>.
/// </summary>
public sealed class ReceiveReport(AppDbContext db)
{
    public async Task HandleAsync(AgencyReport report, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        report.Receive(actor);
        await db.SaveChangesAsync(ct);
    }
}
