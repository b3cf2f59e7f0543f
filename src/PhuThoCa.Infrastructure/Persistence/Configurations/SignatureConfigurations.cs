using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhuThoCa.Domain.Signatures;

namespace PhuThoCa.Infrastructure.Persistence.Configurations;

internal sealed class TrustListEntryConfiguration : IEntityTypeConfiguration<TrustListEntry>
{
    public void Configure(EntityTypeBuilder<TrustListEntry> b)
    {
        b.ToTable("TrustListEntries");
        b.Property(e => e.Name).HasMaxLength(TrustListEntry.NameMaxLength).IsRequired();
        b.Property(e => e.Subject).HasMaxLength(1000).IsRequired();
        b.Property(e => e.Issuer).HasMaxLength(1000).IsRequired();
        b.Property(e => e.SerialNumber).HasMaxLength(128).IsRequired();
        b.Property(e => e.Sha256).HasMaxLength(64).IsRequired();
        b.Property(e => e.RawData).IsRequired();
        b.Property(e => e.AddedBy).HasMaxLength(200).IsRequired();
        b.Property(e => e.RemovedBy).HasMaxLength(200);
        b.HasIndex(e => e.Sha256);
    }
}

internal sealed class RevocationListFileConfiguration : IEntityTypeConfiguration<RevocationListFile>
{
    public void Configure(EntityTypeBuilder<RevocationListFile> b)
    {
        b.ToTable("RevocationLists");
        b.Property(e => e.Issuer).HasMaxLength(1000).IsRequired();
        b.Property(e => e.Sha256).HasMaxLength(64).IsRequired();
        b.Property(e => e.RawData).IsRequired();
        b.Property(e => e.AddedBy).HasMaxLength(200).IsRequired();
        b.HasIndex(e => e.Sha256);
    }
}

internal sealed class SignedLetterCheckConfiguration : IEntityTypeConfiguration<SignedLetterCheck>
{
    public void Configure(EntityTypeBuilder<SignedLetterCheck> b)
    {
        b.Property(e => e.FileName).HasMaxLength(260).IsRequired();
        b.Property(e => e.Sha256).HasMaxLength(64).IsRequired();
        b.Property(e => e.Summary).HasMaxLength(1000).IsRequired();
        b.Property(e => e.SignerName).HasMaxLength(400);
        b.Property(e => e.ReportJson).IsRequired();
        b.Property(e => e.CheckedBy).HasMaxLength(200).IsRequired();
        b.Property(e => e.MismatchAcknowledgement).HasMaxLength(SignedLetterCheck.AcknowledgementMaxLength);
        b.Property(e => e.AcknowledgedBy).HasMaxLength(200);
        b.HasOne<Domain.Requests.Request>().WithMany().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Domain.Requests.RequestAttachment>().WithMany().HasForeignKey(e => e.AttachmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.RequestId, e.CheckedAtUtc });
    }
}
