namespace PhuThoCa.Infrastructure.Auditing;

/// <summary>Who acts: the signed-in user, or the system (seeding, background jobs, tools).</summary>
public sealed record AuditActor(string? UserId, string UserName, string? ClientIp)
{
    public const string SystemName = "Hệ thống";

    public static readonly AuditActor System = new(null, SystemName, null);
}

/// <summary>What the audit trail needs from the current request: the actor and the injected clock.</summary>
public interface IAuditContext
{
    AuditActor Actor { get; }

    DateTime UtcNow { get; }
}

/// <summary>The system as actor with the given clock: seeding through a bare context, tools, tests.</summary>
public sealed class SystemAuditContext(TimeProvider clock) : IAuditContext
{
    public static readonly SystemAuditContext Instance = new(TimeProvider.System);

    public AuditActor Actor => AuditActor.System;

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;
}

/// <summary>One field's change: <c>f</c> field name, <c>o</c> from, <c>n</c> to (null when absent).</summary>
public sealed record AuditFieldChange(string Field, string? From, string? To);

/// <summary>
/// An event to append that is not a row change (sign-in, sign-out, a view of a full CCCD …). The actor defaults to the
/// context's; a failed sign-in names the attempted user instead.
/// </summary>
public sealed record AuditEvent(string Action, string EntityType, string EntityKey, IReadOnlyList<AuditFieldChange>? Changes = null,
    string? Reason = null, AuditActor? Actor = null);
