using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhuThoCa.Infrastructure.Auditing;

namespace PhuThoCa.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        // Table and column names are plain identifiers: AuditChainWriter appends with the same SQL on both providers.
        b.ToTable("AuditEntries");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.UserId).HasMaxLength(450);
        b.Property(e => e.UserName).HasMaxLength(256).IsRequired();
        b.Property(e => e.ClientIp).HasMaxLength(64);
        b.Property(e => e.Action).HasMaxLength(32).IsRequired();
        b.Property(e => e.EntityType).HasMaxLength(64).IsRequired();
        b.Property(e => e.EntityKey).HasMaxLength(128).IsRequired();
        b.Property(e => e.Changes).IsRequired();
        b.Property(e => e.Reason).HasMaxLength(4000);
        b.Property(e => e.PreviousHash).HasMaxLength(64).IsUnicode(false).IsRequired();
        b.Property(e => e.Hash).HasMaxLength(64).IsUnicode(false).IsRequired();
        b.HasIndex(e => e.AtUtc);
        b.HasIndex(e => new { e.EntityType, e.EntityKey });
        b.HasIndex(e => e.UserId);
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> b)
    {
        b.ToTable("AuditChainHeads");
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.LastHash).HasMaxLength(64).IsUnicode(false).IsRequired();
        b.HasData(new AuditChainHead { Id = AuditChainHead.SingletonId, LastSequence = 0, LastHash = AuditCanonicalForm.GenesisHash });
    }
}
