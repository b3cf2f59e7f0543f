namespace PhuThoCa.Infrastructure.Auditing;

/// <summary>
/// One entry of the system audit trail (Nhật ký hệ thống). Append-only and hash-chained: <see cref="Hash"/> is SHA-256
/// over <see cref="PreviousHash"/> and the entry's canonical content (<see cref="AuditCanonicalForm"/>). The id is the
/// entry's sequence number in the chain, 1, 2, 3 … without gaps. Written only by <see cref="AuditChainWriter"/>.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>The sequence number in the chain (1-based, no gaps), assigned by the writer, not by the database.</summary>
    public long Id { get; set; }

    /// <summary>When, in UTC, truncated to whole milliseconds (both providers keep that exactly).</summary>
    public DateTime AtUtc { get; set; }

    /// <summary>The acting user's id; null for the system (seeding, jobs) and for anonymous sign-in attempts.</summary>
    public string? UserId { get; set; }

    /// <summary>The acting user's display name, the attempted user name of a failed sign-in, or "Hệ thống".</summary>
    public string UserName { get; set; } = "";

    public string? ClientIp { get; set; }

    /// <summary>What happened: one of <see cref="AuditActions"/>.</summary>
    public string Action { get; set; } = "";

    /// <summary>The entity type (e.g. <c>Subscriber</c>, <c>Request</c>, <c>User</c>) or the subject of an event.</summary>
    public string EntityType { get; set; } = "";

    /// <summary>The entity's primary key (composite keys joined with <c>|</c>); empty when the event has no entity.</summary>
    public string EntityKey { get; set; } = "";

    /// <summary>The changed fields as a JSON array of <c>{"f": field, "o": from, "n": to}</c>, exactly as hashed.</summary>
    public string Changes { get; set; } = "[]";

    /// <summary>The reason the actor gave (reject, return, cancel, a status change …), when the action has one.</summary>
    public string? Reason { get; set; }

    /// <summary>Lower-case hex SHA-256 of the previous entry (64 zeros for the first).</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 over <see cref="PreviousHash"/> and the canonical content.</summary>
    public string Hash { get; set; } = "";
}

/// <summary>
/// The head of the chain: the last sequence number and hash, in one row updated in the same transaction as every append.
/// Updating it first takes the write lock that serialises appenders (SQLite: the database write lock; SQL Server: an
/// exclusive row lock held to commit), and it lets the verifier notice entries cut from the end of the chain.
/// </summary>
public sealed class AuditChainHead
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long LastSequence { get; set; }

    public string LastHash { get; set; } = AuditCanonicalForm.GenesisHash;
}

/// <summary>The action codes stored in <see cref="AuditEntry.Action"/> and their Vietnamese labels.</summary>
public static class AuditActions
{
    public const string Insert = "Insert";
    public const string Update = "Update";
    public const string Delete = "Delete";
    public const string PasswordChange = "PasswordChange";
    public const string RoleGrant = "RoleGrant";
    public const string RoleRevoke = "RoleRevoke";
    public const string SignIn = "SignIn";
    public const string SignInFailure = "SignInFailure";
    public const string Lockout = "Lockout";
    public const string SignOut = "SignOut";
    public const string NationalIdView = "NationalIdView";

    public static readonly IReadOnlyList<string> All =
        [Insert, Update, Delete, PasswordChange, RoleGrant, RoleRevoke, SignIn, SignInFailure, Lockout, SignOut, NationalIdView];

    public static string Label(string action) => action switch
    {
        Insert => "Thêm mới",
        Update => "Cập nhật",
        Delete => "Xóa",
        PasswordChange => "Đổi mật khẩu",
        RoleGrant => "Cấp vai trò",
        RoleRevoke => "Thu hồi vai trò",
        SignIn => "Đăng nhập",
        SignInFailure => "Đăng nhập không thành công",
        Lockout => "Khóa tài khoản",
        SignOut => "Đăng xuất",
        NationalIdView => "Xem số CCCD đầy đủ",
        _ => action,
    };
}
