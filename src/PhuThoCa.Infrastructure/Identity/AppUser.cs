using Microsoft.AspNetCore.Identity;

namespace PhuThoCa.Infrastructure.Identity;

public sealed class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";

    public string? Position { get; set; }

    /// <summary>Agency of an agency officer; null for Sở KH&amp;CN staff, admins and auditors.</summary>
    public int? AgencyId { get; set; }

    public bool IsActive { get; set; } = true;
}
