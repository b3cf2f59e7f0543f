using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.BrowserTests;

/// <summary>Requests the journeys start from, built through the domain API on the journey's portal.</summary>
internal static class JourneyArrange
{
    /// <summary>
    /// A Mẫu 04 draft of Sở Y tế (officer canbo.syte) for one eligible certificate no other request names, with its letter
    /// and Mục 1 filled in.
    /// </summary>
    public static async Task<int> RenewalDraftAsync(PortalFactory factory, string letterNumber, CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        var agency = await db.Agencies.SingleAsync(a => a.Name == "Sở Y tế tỉnh Phú Thọ", ct);
        var officer = await db.Users.SingleAsync(u => u.UserName == "canbo.syte", ct);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var today = VietnamTime.ToDate(now);
        var certificate = await db.Certificates.Include(c => c.Subscriber)
            .Where(c => c.Subscriber!.AgencyId == agency.Id && c.Status == CertificateStatus.Valid && c.NotAfterUtc > now.AddDays(60)
                && !db.Requests.SelectMany(r => r.Lines).Any(l => l.CertificateSerial == c.SerialNumber))
            .OrderByDescending(c => c.NotAfterUtc).FirstAsync(ct);
        var request = new Request(RequestType.Renew, agency.Id, new Actor(officer.Id, officer.FullName, now));
        request.UpdateLetter(new RequestLetter(letterNumber, today, "Nguyễn Văn An", "GIÁM ĐỐC"));
        request.UpdateContact(new RequestContact(certificate.Subscriber!.Name, "025186004321", new DateOnly(2022, 3, 12),
            "Cục Cảnh sát quản lý hành chính về trật tự xã hội", "Chuyên viên", "0912345678", certificate.Subscriber.Email, null, null));
        request.AddRenewLine(certificate.Subscriber, certificate);
        db.Requests.Add(request);
        await db.SaveChangesAsync(ct);
        return request.Id;
    }
}
