using FluentValidation.Results;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Pages.Import;

public enum RowResult
{
    Added,
    Updated,
    Unchanged,
    Refused,
}

/// <summary>
/// What every register import shares: every row is checked by the form's validator and the domain (nothing restated
/// here), matched to the register by its natural key, and staged as an addition or an update; the file is saved only
/// when no row is refused, in one transaction (all or nothing), with a history row per record added or changed.
/// </summary>
public abstract class RegisterImporter(AppDbContext db)
{
    /// <summary>Rows saved per round trip, so the progress bar also moves while a large file is written.</summary>
    public const int SaveBatch = 500;

    private readonly List<(TimelineSubject Subject, Entity Entity, string Action, string? Note)> _history = [];
    private readonly List<Entity> _additions = [];
    private readonly Dictionary<string, string> _keysInFile = new(StringComparer.Ordinal);

    public abstract ImportRegister Register { get; }

    public abstract IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>Only administrators may import agencies; registers are open to everyone who may edit them.</summary>
    public virtual bool IsAllowedFor(ImportActor actor) => true;

    protected AppDbContext Db => db;

    protected ImportActor Actor { get; private set; } = null!;

    /// <summary>Reads the uploaded files into rows (a table by default).</summary>
    public virtual (List<ImportRow> Rows, List<ImportProblem> Problems) Read(IReadOnlyList<ImportFile> files)
    {
        var tables = files.Where(f => ImportFileReader.IsTable(f.Name)).ToList();
        if (tables.Count != 1 || files.Count != 1)
        {
            return ([], [new ImportProblem(0, "Tệp", "—", string.Join(", ", files.Select(f => f.Name)),
                "Hãy chọn đúng một tệp Excel (.xlsx) hoặc CSV theo mẫu.")]);
        }

        return ImportFileReader.ReadTable(tables[0], Columns);
    }

    public async Task<ImportOutcome> RunAsync(ImportJob job, DateTime nowUtc, CancellationToken ct)
    {
        Actor = job.Actor;
        job.Phase = ImportPhase.Reading;
        var (rows, fileProblems) = Read(job.Files);
        if (rows.Count == 0 && fileProblems.Count == 0)
        {
            fileProblems.Add(new ImportProblem(0, "Tệp", "—", job.FileNames, "Tệp không có dòng dữ liệu nào."));
        }

        if (fileProblems.Count > 0 && rows.Count == 0)
        {
            return new ImportOutcome(0, 0, 0, 0, 0, fileProblems, false);
        }

        await PrepareAsync(rows, ct);
        job.Start(rows.Count);
        job.Phase = ImportPhase.Checking;
        var problems = new List<ImportProblem>(fileProblems);
        int added = 0, updated = 0, unchanged = 0, refused = 0;
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            var check = new RowCheck(row, Columns, problems);
            var result = Stage(row, check);
            if (!check.Ok)
            {
                result = RowResult.Refused;
            }

            switch (result)
            {
                case RowResult.Added: added++; break;
                case RowResult.Updated: updated++; break;
                case RowResult.Unchanged: unchanged++; break;
                default: refused++; break;
            }

            job.Advance();
        }

        var saved = false;
        if (!job.DryRun && problems.Count == 0)
        {
            job.Start(_additions.Count + 1);
            job.Phase = ImportPhase.Saving;
            await db.SaveChangesAsync(ct); // the updates
            job.Advance();
            foreach (var batch in _additions.Chunk(SaveBatch))
            {
                db.AddRange(batch);
                await db.SaveChangesAsync(ct);
                job.Advance(batch.Length);
            }

            var source = "Tệp: " + job.FileNames;
            foreach (var (subject, entity, action, note) in _history)
            {
                db.TimelineEvents.Add(new TimelineEvent(subject, entity.Id, nowUtc, job.Actor.DisplayName, action, note: note is null ? source : note + ". " + source));
            }

            await db.SaveChangesAsync(ct);
            saved = true;
        }

        return new ImportOutcome(rows.Count, added, updated, unchanged, refused, problems, saved);
    }

    /// <summary>Loads what the rows are matched against (existing records, agencies), once per file.</summary>
    protected abstract Task PrepareAsync(IReadOnlyList<ImportRow> rows, CancellationToken ct);

    /// <summary>Checks one row and stages its change; a refused row has at least one problem in <paramref name="check"/>.</summary>
    protected abstract RowResult Stage(ImportRow row, RowCheck check);

    /// <summary>
    /// True for the first row of the file with this natural key; a later row with the same key is refused on
    /// <paramref name="field"/>, naming the first one.
    /// </summary>
    protected bool IsFirstInFile(string key, ImportRow row, RowCheck check, string field)
    {
        if (_keysInFile.TryGetValue(key, out var first))
        {
            check.Fail(field, $"Trùng với “{first}” của tệp.");
            return false;
        }

        _keysInFile[key] = row.Label;
        return true;
    }

    /// <summary>Stages a new record; it is added to the context only when the file is saved.</summary>
    protected RowResult Added(TimelineSubject subject, Entity entity, string action = "Nhập từ tệp")
    {
        _additions.Add(entity);
        _history.Add((subject, entity, action, null));
        return RowResult.Added;
    }

    protected RowResult Updated(TimelineSubject subject, Entity entity, IReadOnlyList<FieldChange> changes)
    {
        if (changes.Count == 0)
        {
            return RowResult.Unchanged;
        }

        _history.Add((subject, entity, "Cập nhật từ tệp", FieldChange.Describe(changes)));
        return RowResult.Updated;
    }

    /// <summary>The agency named in a row (full or short name, without diacritics or case), within the actor's scope.</summary>
    protected static int? FindAgency(IReadOnlyDictionary<string, int> agenciesByKey, string? name) =>
        name is not null && agenciesByKey.TryGetValue(Text.Fold(name), out var id) ? id : null;

    /// <summary>Every agency reachable by its folded full name and short name (a short name shared by two is dropped).</summary>
    protected async Task<IReadOnlyDictionary<string, int>> AgencyKeysAsync(CancellationToken ct)
    {
        var agencies = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Agencies.Select(a => new { a.Id, a.Name, a.ShortName }), ct);
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var shortName in agencies.GroupBy(a => Text.Fold(a.ShortName)).Where(g => g.Count() == 1))
        {
            keys[shortName.Key] = shortName.Single().Id;
        }

        foreach (var a in agencies)
        {
            keys[Text.Fold(a.Name)] = a.Id;
        }

        return keys;
    }

    /// <summary>
    /// Resolves the row's agency column: officers import only into their own agency (blank means their own);
    /// province-wide users must name one.
    /// </summary>
    protected int ResolveAgency(IReadOnlyDictionary<string, int> agenciesByKey, string field, ImportRow row, RowCheck check)
    {
        var named = row[field];
        var id = FindAgency(agenciesByKey, named);
        if (named is not null && id is null)
        {
            check.Fail(field, $"Không tìm thấy cơ quan “{named}” trong danh mục cơ quan.");
            return 0;
        }

        if (Actor.AgencyId is int own)
        {
            if (id is not null && id != own)
            {
                check.Fail(field, "Cán bộ cơ quan chỉ được nhập dữ liệu của cơ quan mình.");
                return 0;
            }

            return own;
        }

        return id ?? 0;
    }
}

/// <summary>The problems of one row, each tied to the column it comes from.</summary>
public sealed class RowCheck(ImportRow row, IReadOnlyList<ImportColumn> columns, List<ImportProblem> problems)
{
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);

    public bool Ok => _failed.Count == 0;

    /// <summary>Records a problem; a column reports only its first (most specific) problem.</summary>
    public void Fail(string field, string rule)
    {
        if (!_failed.Add(field))
        {
            return;
        }

        var column = columns.FirstOrDefault(c => c.Field == field);
        var value = row[field];
        if (field == nameof(Subscribers.SubscriberInput.NationalId) && value is not null)
        {
            value = NationalId.Mask(value); // the report is shown and may be shared: CCCD stays masked
        }

        problems.Add(new ImportProblem(row.Number, row.Label, column?.Header ?? "—", value, rule));
    }

    /// <summary>Copies the form validator's messages; a property without a column (e.g. AgencyId) maps through <paramref name="fieldOf"/>.</summary>
    public bool Add(ValidationResult result, Func<string, string>? fieldOf = null)
    {
        foreach (var error in result.Errors)
        {
            Fail(fieldOf?.Invoke(error.PropertyName) ?? error.PropertyName, error.ErrorMessage);
        }

        return result.IsValid;
    }

    /// <summary>A domain rule refused the row: its message goes to the column of <paramref name="field"/>.</summary>
    public RowResult Refuse(DomainRuleException e, string field)
    {
        Fail(field, e.Message);
        return RowResult.Refused;
    }
}
