using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using PhuThoCa.Domain.Common;
using PhuThoCa.Infrastructure.Auditing;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>The signed-in user as the pages need it: id, name, roles, agency scope, and an <see cref="Actor"/> stamped with the injected clock.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, TimeProvider clock, IAuthorizationService authorization) : IAgencyScope, IAuditContext
{
    public const string AgencyClaim = "phuthoca:agency";
    public const string FullNameClaim = "phuthoca:fullname";

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public string Id => Principal?.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public string DisplayName => Principal?.FindFirstValue(FullNameClaim) ?? Principal?.Identity?.Name ?? "Hệ thống";

    public bool IsOfficer => Principal?.IsInRole(Roles.AgencyOfficer) == true && !IsProvinceWide;

    public bool IsProvinceWide => Roles.ProvinceWide.Any(r => Principal?.IsInRole(r) == true);

    public bool IsAuditor => Principal?.IsInRole(Roles.Auditor) == true;

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;

    /// <summary>Whether this user meets the named policy (<see cref="Policies"/>), judged as the page attributes judge it.</summary>
    public async Task<bool> CanAsync(string policy) =>
        Principal is { } principal && IsAuthenticated && (await authorization.AuthorizeAsync(principal, policy)).Succeeded;

    /// <summary>
    /// Null (province-wide) for Sở staff, admins, auditors and requests without a user (seeding, public pages).
    /// An officer without an agency gets -1, which matches nothing.
    /// </summary>
    public int? AgencyId
    {
        get
        {
            if (!IsAuthenticated || IsProvinceWide)
            {
                return null;
            }

            return int.TryParse(Principal!.FindFirstValue(AgencyClaim), out var id) ? id : -1;
        }
    }

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => VietnamTime.ToDate(UtcNow);

    public Actor Actor() => new(Id, DisplayName, UtcNow);

    /// <summary>The client's address as the server sees it (after the forwarded-headers middleware, when configured).</summary>
    public string? ClientIp => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    /// <summary>The audit trail's actor: this user, or the system (seeding, jobs, anonymous requests) with the client's address.</summary>
    AuditActor IAuditContext.Actor => IsAuthenticated
        ? new AuditActor(Id, DisplayName, ClientIp)
        : AuditActor.System with { ClientIp = ClientIp };
}
