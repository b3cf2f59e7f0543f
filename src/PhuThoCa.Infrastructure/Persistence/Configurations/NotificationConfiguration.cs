using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhuThoCa.Domain.Notifications;

namespace PhuThoCa.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.UserId).HasMaxLength(450).IsRequired();
        b.Property(n => n.Title).HasMaxLength(300).IsRequired();
        b.Property(n => n.Detail).HasMaxLength(4000);
        b.Property(n => n.Key).HasMaxLength(120);
        // A keyed notification (an expiry reminder step) reaches each user once, however many nodes run the job at the
        // same moment: the database refuses the second copy (NULL keys are not compared).
        b.HasIndex(n => new { n.UserId, n.Key }).IsUnique();
        b.Ignore(n => n.IsRead);
        // The list and the unread badge: one user's notifications, newest first; the unread ones newest first too, read in
        // index order (the unread tab sorted every unread row of the user before).
        b.HasIndex(n => new { n.UserId, n.ReadAtUtc, n.CreatedAtUtc });
        b.HasIndex(n => new { n.UserId, n.CreatedAtUtc });
        b.HasOne<Identity.AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Domain.Requests.Request>().WithMany().HasForeignKey(n => n.RequestId).OnDelete(DeleteBehavior.Cascade);
        // CertificateId has no foreign key: certificates are never deleted, and adding one to the existing table would make
        // SQLite rebuild it outside a transaction.
        b.HasIndex(n => n.CertificateId);
    }
}
