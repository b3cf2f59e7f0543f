namespace PhuThoCa.Infrastructure.Persistence;

/// <summary>
/// The agency the current user is limited to. Null means province-wide (Sở staff, admins, auditors, background work).
/// Every scoped entity has a global query filter on it, so an officer of agency A never loads agency B's rows.
/// </summary>
public interface IAgencyScope
{
    int? AgencyId { get; }
}

/// <summary>Province-wide scope for seeding, migrations and design-time tools.</summary>
public sealed class UnrestrictedScope : IAgencyScope
{
    public static readonly UnrestrictedScope Instance = new();

    public int? AgencyId => null;
}

/// <summary>
/// The scope of a pooled context not yet leased to a user (<see cref="AppDbContext.Lease"/>): agency 0, which no agency
/// has, so such a context finds no scoped row instead of every row.
/// </summary>
public sealed class LeaseRequiredScope : IAgencyScope
{
    public static readonly LeaseRequiredScope Instance = new();

    public int? AgencyId => 0;
}
