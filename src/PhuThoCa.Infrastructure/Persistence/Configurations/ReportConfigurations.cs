using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhuThoCa.Domain.Agencies;
using PhuThoCa.Domain.Reports;

namespace PhuThoCa.Infrastructure.Persistence.Configurations;

internal sealed class ReportingRoundConfiguration : IEntityTypeConfiguration<ReportingRound>
{
    public void Configure(EntityTypeBuilder<ReportingRound> b)
    {
        b.Property(r => r.Note).HasMaxLength(ReportingRound.NoteMaxLength);
        b.Property(r => r.CreatedBy).HasMaxLength(200).IsRequired();
        b.Ignore(r => r.Period);
        b.HasIndex(r => r.Deadline);
    }
}

internal sealed class AgencyReportConfiguration : IEntityTypeConfiguration<AgencyReport>
{
    public void Configure(EntityTypeBuilder<AgencyReport> b)
    {
        b.Property(r => r.ForecastNote).HasMaxLength(AgencyForecast.NoteMaxLength);
        b.Property(r => r.UpdatedBy).HasMaxLength(200).IsRequired();
        b.Property(r => r.SentBy).HasMaxLength(200);
        b.Property(r => r.ReceivedBy).HasMaxLength(200);
        b.Ignore(r => r.Forecast);
        // One report per round and agency (QĐ-PT Điều 9.6).
        b.HasIndex(r => new { r.RoundId, r.AgencyId }).IsUnique();
        b.HasIndex(r => r.AgencyId);
        b.HasOne<ReportingRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReportReminderConfiguration : IEntityTypeConfiguration<ReportReminder>
{
    public void Configure(EntityTypeBuilder<ReportReminder> b)
    {
        b.HasKey(r => new { r.RoundId, r.AgencyId });
        b.HasOne<ReportingRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IssuedReportConfiguration : IEntityTypeConfiguration<IssuedReport>
{
    public void Configure(EntityTypeBuilder<IssuedReport> b)
    {
        b.Property(r => r.Scope).HasMaxLength(300).IsRequired();
        b.Property(r => r.Number).HasMaxLength(50).IsRequired();
        b.Property(r => r.PdfKey).HasMaxLength(64).IsRequired();
        b.Property(r => r.PdfSha256).HasMaxLength(64).IsRequired();
        b.Property(r => r.DocxKey).HasMaxLength(64).IsRequired();
        b.Property(r => r.DocxSha256).HasMaxLength(64).IsRequired();
        b.Property(r => r.IssuedBy).HasMaxLength(200).IsRequired();
        b.Ignore(r => r.Period);
        b.HasIndex(r => new { r.From, r.To, r.AgencyId, r.Version }).IsUnique();
        b.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
