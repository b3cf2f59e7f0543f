using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhuThoCa.Infrastructure.Identity;

namespace PhuThoCa.Infrastructure.Persistence.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("UserSessions");
        b.Property(s => s.Id).HasMaxLength(32).IsUnicode(false);
        b.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        b.Property(s => s.ClientIp).HasMaxLength(64);
        b.Property(s => s.UserAgent).HasMaxLength(UserSession.MaxUserAgentLength);
        b.Property(s => s.SecurityStamp).HasMaxLength(256).IsRequired();
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.UserId);
    }
}
