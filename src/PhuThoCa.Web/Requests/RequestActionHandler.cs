using FluentValidation;
using FluentValidation.Results;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Requests;

/// <summary>
/// One business action on a request (docs/adr/0016): the input's shape is checked by the action's validator, the handler
/// calls the one aggregate method that implements the action (plus the register updates it implies), and saves.
/// The details page, the inbox's bulk form, the draft editor, the demo seeder and the tests all call these handlers; nothing
/// else calls the aggregate's action methods. Authorisation and the RowVersion check stay with the caller (a page knows
/// the user; the seeder plays a scripted history).
/// </summary>
public abstract class RequestActionHandler<TInput>(AppDbContext db, IValidator<TInput> validator)
    where TInput : class
{
    /// <summary>The table's action this handler performs.</summary>
    public abstract RequestAction Action { get; }

    protected AppDbContext Db => db;

    /// <summary>
    /// Shape of <paramref name="input"/> for <paramref name="request"/> as of <paramref name="today"/> (Vietnam date); a bulk
    /// form checks its one shared input before any request is loaded (null), which only inputs without lines allow.
    /// </summary>
    public Task<ValidationResult> ValidateAsync(Request? request, TInput input, DateOnly today, CancellationToken ct = default)
    {
        var context = new ValidationContext<TInput>(input);
        ActionValidation.SetContext(context, request, today);
        return validator.ValidateAsync(context, ct);
    }

    /// <summary>
    /// Validates, performs the action as <paramref name="actor"/> and saves; returns the Vietnamese status message.
    /// Throws <see cref="ValidationException"/> on a malformed input and <see cref="DomainRuleException"/> on a refused rule,
    /// before anything is saved.
    /// </summary>
    public async Task<string> HandleAsync(Request request, TInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        var result = await ValidateAsync(request, input, VietnamTime.ToDate(actor.AtUtc), ct);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Errors);
        }

        var message = await ActAsync(request, input, actor, ct);
        await db.SaveChangesAsync(ct);
        if (AfterFirstSave())
        {
            await db.SaveChangesAsync(ct);
        }

        return message;
    }

    protected abstract Task<string> ActAsync(Request request, TInput input, Actor actor, CancellationToken ct);

    /// <summary>Work that needs the ids of rows the first save created; true when there is something to save again.</summary>
    protected virtual bool AfterFirstSave() => false;
}
