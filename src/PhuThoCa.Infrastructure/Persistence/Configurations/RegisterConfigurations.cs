using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhuThoCa.Domain.Agencies;
using PhuThoCa.Domain.Calendar;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Domain.Tokens;

namespace PhuThoCa.Infrastructure.Persistence.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.Property(a => a.Name).HasMaxLength(Agency.NameMaxLength).IsRequired();
        b.Property(a => a.ShortName).HasMaxLength(Agency.ShortNameMaxLength).IsRequired();
        b.Property(a => a.ParentAuthorityName).HasMaxLength(Agency.NameMaxLength);
        b.Property(a => a.Address).HasMaxLength(300).IsRequired();
        b.Property(a => a.EmailDomain).HasMaxLength(100).IsRequired();
        b.Property(a => a.Phone).HasMaxLength(30);
        b.Property(a => a.SearchKey).HasMaxLength(400);
        b.Property(a => a.SortKey).HasMaxLength(VietnameseCollation.MaxLength);
        b.HasIndex(a => a.Name).IsUnique();
        b.HasIndex(a => a.SortKey);
        b.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SubscriberConfiguration : IEntityTypeConfiguration<Subscriber>
{
    public void Configure(EntityTypeBuilder<Subscriber> b)
    {
        b.Property(s => s.Name).HasMaxLength(Subscriber.NameMaxLength).IsRequired();
        b.Property(s => s.Position).HasMaxLength(200);
        b.Property(s => s.NationalId).HasMaxLength(NationalId.Length);
        b.Property(s => s.NationalIdIssuedBy).HasMaxLength(200);
        b.Property(s => s.Email).HasMaxLength(200).IsRequired();
        b.Property(s => s.Phone).HasMaxLength(30);
        b.Property(s => s.TaxCode).HasMaxLength(20);
        b.Property(s => s.BudgetCode).HasMaxLength(20);
        b.Property(s => s.Address).HasMaxLength(300);
        b.Property(s => s.DeviceVersion).HasMaxLength(200);
        b.Property(s => s.SearchKey).HasMaxLength(500);
        b.Ignore(s => s.MaskedNationalId);
        // SubscriberCounts is kept by triggers on this table (SubscriberCount); EF must know, or SQL Server refuses its OUTPUT clause.
        b.ToTable(tb =>
        {
            tb.HasTrigger(SubscriberCount.Trigger);
            tb.HasTrigger(CertificateReportCount.SubscriberTrigger);
        });
        // The agency's subscribers; the report's active subscribers per agency and kind read from the index alone.
        b.HasIndex(s => new { s.AgencyId, s.IsActive, s.Kind });
        b.HasIndex(s => s.NationalId);
        b.HasIndex(s => s.SearchKey);
        b.Property(s => s.SortKey).HasMaxLength(VietnameseCollation.MaxLength);
        b.HasIndex(s => new { s.AgencyId, s.SortKey });
        b.HasIndex(s => s.SortKey);
        b.HasOne(s => s.Agency).WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        // CertificateExpiryCounts is kept by a trigger on this table; EF must know, or SQL Server refuses its OUTPUT clause.
        b.ToTable(tb =>
        {
            tb.HasTrigger(CertificateExpiryCount.Trigger);
            tb.HasTrigger(CertificateReportCount.Trigger);
        });
        b.Property(c => c.SerialNumber).HasMaxLength(Certificate.SerialMaxLength).IsRequired();
        b.Property(c => c.SubjectDn).HasMaxLength(1000).IsRequired();
        b.Property(c => c.Issuer).HasMaxLength(500).IsRequired();
        b.Property(c => c.ThumbprintSha1).HasMaxLength(40);
        b.Property(c => c.ThumbprintSha256).HasMaxLength(64);
        b.Property(c => c.KeyAlgorithm).HasMaxLength(50);
        b.HasIndex(c => c.SerialNumber).IsUnique();
        // The Điều 8.4 report's counts (ProvinceReportQuery): each a range of one date the index covers, joined to the
        // subscriber by key for the agency (ADR 0029): expired and valid at the end (not after), issued and renewed (not
        // before; the first also the successor lookup by predecessor), revoked.
        b.HasIndex(c => new { c.NotAfterUtc, c.NotBeforeUtc, c.RevokedAtUtc, c.Status, c.SubscriberId });
        b.HasIndex(c => new { c.NotBeforeUtc, c.PredecessorId, c.RenewalCount, c.SubscriberId });
        b.HasIndex(c => new { c.PredecessorId, c.NotBeforeUtc, c.RenewalCount, c.SubscriberId });
        b.HasIndex(c => new { c.RevokedAtUtc, c.SubscriberId });
        // The dashboard counts (valid, expiring in 30/90 days, expired) and the expiry trend.
        b.HasIndex(c => new { c.Status, c.NotAfterUtc });
        b.HasOne(c => c.Subscriber).WithMany().HasForeignKey(c => c.SubscriberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Token).WithMany().HasForeignKey(c => c.TokenId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Certificate>().WithMany().HasForeignKey(c => c.PredecessorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Certificate>().WithMany().HasForeignKey(c => c.SuccessorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CertificateReportCountConfiguration : IEntityTypeConfiguration<CertificateReportCount>
{
    public void Configure(EntityTypeBuilder<CertificateReportCount> b)
    {
        b.ToTable("CertificateReportCounts");
        // Measure and month first: the report reads a range of months of each measure.
        b.HasKey(c => new { c.Measure, c.Month, c.AgencyId, c.Status, c.Value });
    }
}

internal sealed class UsbTokenConfiguration : IEntityTypeConfiguration<UsbToken>
{
    public void Configure(EntityTypeBuilder<UsbToken> b)
    {
        // TokenCounts is kept by triggers on this table (TokenCount); EF must know, or SQL Server refuses its OUTPUT clause.
        b.ToTable("Tokens", tb => tb.HasTrigger(TokenCount.Trigger));
        b.Property(t => t.SerialNumber).HasMaxLength(UsbToken.SerialMaxLength).IsRequired();
        b.Property(t => t.Model).HasMaxLength(100).IsRequired();
        b.Property(t => t.CustodianName).HasMaxLength(200);
        b.Property(t => t.Notes).HasMaxLength(1000);
        b.HasIndex(t => t.SerialNumber).IsUnique();
        b.HasIndex(t => t.AgencyId);
        // The dashboard's token counts by status (locked, in stock, lost or damaged), province-wide or for one agency.
        b.HasIndex(t => new { t.Status, t.AgencyId });
        b.HasOne(t => t.Agency).WithMany().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Subscriber>().WithMany().HasForeignKey(t => t.CustodianSubscriberId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TokenHandoverConfiguration : IEntityTypeConfiguration<TokenHandover>
{
    public void Configure(EntityTypeBuilder<TokenHandover> b)
    {
        b.Property(h => h.GiverName).HasMaxLength(200).IsRequired();
        b.Property(h => h.GiverPosition).HasMaxLength(200);
        b.Property(h => h.ReceiverName).HasMaxLength(200).IsRequired();
        b.Property(h => h.ReceiverPosition).HasMaxLength(200);
        b.Property(h => h.Reason).HasMaxLength(1000).IsRequired();
        b.Property(h => h.Condition).HasMaxLength(500);
        b.Property(h => h.GiverUnit).HasMaxLength(300);
        b.Property(h => h.ReceiverUnit).HasMaxLength(300);
        b.Property(h => h.PermissionNumber).HasMaxLength(50);
        b.Property(h => h.AttachmentKey).HasMaxLength(200);
        b.Property(h => h.AttachmentFileName).HasMaxLength(255);
        b.Property(h => h.RecordedBy).HasMaxLength(200).IsRequired();
        b.HasIndex(h => h.TokenId);
        // The report's handovers of a period (ProvinceReportQuery): a range of dates. Without it SQLite read every token of
        // the register and looked up its handovers (3.3 ms at 50,000 tokens against 0.04 ms with it; issue 15).
        b.HasIndex(h => h.Date);
        b.HasOne<UsbToken>().WithMany().HasForeignKey(h => h.TokenId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TimelineEventConfiguration : IEntityTypeConfiguration<TimelineEvent>
{
    public void Configure(EntityTypeBuilder<TimelineEvent> b)
    {
        b.Property(e => e.ActorName).HasMaxLength(200).IsRequired();
        b.Property(e => e.Action).HasMaxLength(200).IsRequired();
        b.Property(e => e.FromState).HasMaxLength(100);
        b.Property(e => e.ToState).HasMaxLength(100);
        b.Property(e => e.Note).HasMaxLength(4000);
        b.HasIndex(e => new { e.Subject, e.SubjectId });
    }
}

internal sealed class CalendarOverrideConfiguration : IEntityTypeConfiguration<CalendarOverride>
{
    public void Configure(EntityTypeBuilder<CalendarOverride> b)
    {
        b.Property(o => o.Name).HasMaxLength(CalendarOverride.NameMaxLength).IsRequired();
        b.Property(o => o.LegalBasis).HasMaxLength(CalendarOverride.LegalBasisMaxLength).IsRequired();
        b.HasIndex(o => o.Date).IsUnique();
    }
}

internal sealed class SubscriberCountConfiguration : IEntityTypeConfiguration<SubscriberCount>
{
    public void Configure(EntityTypeBuilder<SubscriberCount> b)
    {
        b.ToTable("SubscriberCounts");
        b.HasKey(c => new { c.AgencyId, c.Kind, c.IsActive });
    }
}

internal sealed class TokenCountConfiguration : IEntityTypeConfiguration<TokenCount>
{
    public void Configure(EntityTypeBuilder<TokenCount> b)
    {
        b.ToTable("TokenCounts");
        b.HasKey(c => new { c.AgencyId, c.Status });
    }
}
