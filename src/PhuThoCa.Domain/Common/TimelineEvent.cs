namespace PhuThoCa.Domain.Common;

/// <summary>The kind of register entry a <see cref="TimelineEvent"/> belongs to.</summary>
public enum TimelineSubject
{
    Agency,
    Subscriber,
    Certificate,
    Token,
    Request,

    /// <summary>The working-day calendar of one year (overrides added, edited, deleted); the subject id is the solar year.</summary>
    Calendar,

    /// <summary>The trust list of CA certificates and CRLs for signed letters; the subject id is the entry's or CRL's id.</summary>
    TrustList,
}

/// <summary>
/// One row of an entity's history (who, when, what, from → to, why). Append-only: never updated or deleted.
/// </summary>
public sealed class TimelineEvent : Entity
{
    private TimelineEvent()
    {
        Action = "";
        ActorName = "";
    }

    public TimelineEvent(TimelineSubject subject, int subjectId, DateTime atUtc, string actorName, string action,
        string? fromState = null, string? toState = null, string? note = null)
    {
        Subject = subject;
        SubjectId = subjectId;
        AtUtc = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc);
        ActorName = actorName;
        Action = action;
        FromState = fromState;
        ToState = toState;
        Note = note;
    }

    public TimelineSubject Subject { get; private set; }

    public int SubjectId { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string ActorName { get; private set; }

    /// <summary>Vietnamese description of what happened, e.g. "Cập nhật thông tin".</summary>
    public string Action { get; private set; }

    public string? FromState { get; private set; }

    public string? ToState { get; private set; }

    public string? Note { get; private set; }
}
