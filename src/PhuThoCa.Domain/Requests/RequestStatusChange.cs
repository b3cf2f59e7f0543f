using PhuThoCa.Domain.Common;

namespace PhuThoCa.Domain.Requests;

/// <summary>
/// One row of a request's history: every status change, who made it and why (features G4.7). Append-only, written only
/// by <see cref="Request"/>. <see cref="DueDate"/> is the deadline in force after the move, so reports can tell later
/// whether the next step was on time (features G3.5).
/// </summary>
public sealed class RequestStatusChange : Entity
{
    private RequestStatusChange()
    {
        ActorName = "";
        ActorUserId = "";
    }

    internal RequestStatusChange(RequestStatus from, RequestStatus to, RequestAction action, Actor actor, string? note,
        DateOnly? dueDate)
    {
        From = from;
        To = to;
        Action = action;
        ActorName = actor.DisplayName;
        ActorUserId = actor.UserId;
        AtUtc = DateTime.SpecifyKind(actor.AtUtc, DateTimeKind.Utc);
        Note = Text.CleanOrNull(note);
        DueDate = dueDate;
    }

    public RequestStatus From { get; private set; }

    public RequestStatus To { get; private set; }

    public RequestAction Action { get; private set; }

    public string ActorName { get; private set; }

    public string ActorUserId { get; private set; }

    public DateTime AtUtc { get; private set; }

    /// <summary>Reason (reject, return, cancel) or what was recorded (dossier code, results), in Vietnamese.</summary>
    public string? Note { get; private set; }

    public DateOnly? DueDate { get; private set; }
}
