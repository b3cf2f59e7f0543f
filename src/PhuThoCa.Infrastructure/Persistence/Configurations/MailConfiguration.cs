using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhuThoCa.Domain.Mail;

namespace PhuThoCa.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.Property(m => m.Key).HasMaxLength(200);
        b.Property(m => m.ToAddress).HasMaxLength(320).IsRequired();
        b.Property(m => m.ToName).HasMaxLength(200).IsRequired();
        b.Property(m => m.UserId).HasMaxLength(450);
        b.Property(m => m.Subject).HasMaxLength(MailPlaceholders.SubjectMaxLength + 200).IsRequired();
        b.Property(m => m.Body).IsRequired();
        b.Property(m => m.MessageId).HasMaxLength(100).IsRequired();
        b.Property(m => m.LastResponse).HasMaxLength(1000);
        // A reminder job run twice writes a keyed message once (NULL keys do not collide on either provider).
        b.HasIndex(m => m.Key).IsUnique();
        // The delivery run: due pending messages, oldest first.
        b.HasIndex(m => new { m.Status, m.NextAttemptAtUtc });
        b.HasIndex(m => m.CreatedAtUtc);
        b.HasMany(m => m.Attempts).WithOne().HasForeignKey(a => a.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(m => m.Attempts).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class OutboxAttemptConfiguration : IEntityTypeConfiguration<OutboxAttempt>
{
    public void Configure(EntityTypeBuilder<OutboxAttempt> b)
    {
        b.ToTable("OutboxAttempts");
        b.Property(a => a.Response).HasMaxLength(1000);
    }
}

internal sealed class MailTemplateConfiguration : IEntityTypeConfiguration<MailTemplate>
{
    public void Configure(EntityTypeBuilder<MailTemplate> b)
    {
        b.Property(t => t.Subject).HasMaxLength(MailPlaceholders.SubjectMaxLength).IsRequired();
        b.Property(t => t.Body).HasMaxLength(MailPlaceholders.BodyMaxLength).IsRequired();
        b.Property(t => t.CreatedBy).HasMaxLength(200).IsRequired();
        b.HasIndex(t => new { t.Event, t.Version }).IsUnique();
    }
}

internal sealed class MailPreferenceConfiguration : IEntityTypeConfiguration<MailPreference>
{
    public void Configure(EntityTypeBuilder<MailPreference> b)
    {
        b.Property(p => p.UserId).HasMaxLength(450).IsRequired();
        b.HasIndex(p => new { p.UserId, p.Group }).IsUnique();
        b.HasOne<Identity.AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
