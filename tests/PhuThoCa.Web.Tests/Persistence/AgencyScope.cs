using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Tests.Persistence;

/// <summary>One agency's scope, as an officer of it has, for contexts a test builds itself.</summary>
internal sealed class AgencyScope(int agencyId) : IAgencyScope
{
    public int? AgencyId => agencyId;
}
