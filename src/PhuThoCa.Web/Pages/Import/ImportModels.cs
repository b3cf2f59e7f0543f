namespace PhuThoCa.Web.Pages.Import;

/// <summary>The registers an existing Excel/CSV list can be imported into (features G13.2, G4.4).</summary>
public enum ImportRegister
{
    Agencies,
    Subscribers,
    Certificates,
    Tokens,
}

public static class ImportRegisterLabels
{
    public static string Label(ImportRegister register) => register switch
    {
        ImportRegister.Agencies => "Cơ quan",
        ImportRegister.Subscribers => "Thuê bao",
        ImportRegister.Certificates => "Chứng thư số",
        ImportRegister.Tokens => "Thiết bị lưu khóa bí mật",
    };

    /// <summary>File name stem of the template, without diacritics.</summary>
    public static string FileStem(ImportRegister register) => register switch
    {
        ImportRegister.Agencies => "co-quan",
        ImportRegister.Subscribers => "thue-bao",
        ImportRegister.Certificates => "chung-thu-so",
        ImportRegister.Tokens => "thiet-bi",
    };
}

/// <summary>
/// One column of an import template. <paramref name="Field"/> is the form input's property name, so the form
/// validator's messages land on the right column.
/// </summary>
public sealed record ImportColumn(string Header, string Field, bool Required, string Note, string Example);

/// <summary>One data row of the file (or one certificate file), its values keyed by <see cref="ImportColumn.Field"/>.</summary>
public sealed record ImportRow(int Number, string Label, IReadOnlyDictionary<string, string?> Values)
{
    public string? this[string field] => Values.TryGetValue(field, out var value) ? value : null;
}

/// <summary>Why a row is refused: where (row, column), what was there, and the rule it breaks, in Vietnamese.</summary>
public sealed record ImportProblem(int Row, string RowLabel, string Column, string? Value, string Rule);

public sealed record ImportOutcome(int Total, int Added, int Updated, int Unchanged, int Refused, IReadOnlyList<ImportProblem> Problems, bool Saved)
{
    public static ImportOutcome FileProblem(string rule) =>
        new(0, 0, 0, 0, 0, [new ImportProblem(0, "Tệp", "—", null, rule)], false);
}

/// <summary>Who imports: their scope is applied by the importers themselves (the import runs outside the HTTP request).</summary>
public sealed record ImportActor(string UserId, string DisplayName, int? AgencyId, bool IsAdmin)
{
    public bool IsProvinceWide => AgencyId is null;
}

public enum ImportPhase
{
    Queued,
    Reading,
    Checking,
    Saving,
    Done,
    Failed,
}

/// <summary>One uploaded file, kept in memory for the dry run and the import that follows it.</summary>
public sealed record ImportFile(string Name, byte[] Content);

/// <summary>An import (or dry run) processed in the background; the page polls its progress.</summary>
public sealed class ImportJob(ImportRegister register, IReadOnlyList<ImportFile> files, ImportActor actor, bool dryRun, DateTime createdUtc)
{
    private int _processed;
    private int _total;

    public Guid Id { get; } = Guid.NewGuid();

    public ImportRegister Register { get; } = register;

    public IReadOnlyList<ImportFile> Files { get; } = files;

    public ImportActor Actor { get; } = actor;

    public bool DryRun { get; } = dryRun;

    public DateTime CreatedUtc { get; } = createdUtc;

    private volatile ImportPhase _phase = ImportPhase.Queued;

    public ImportPhase Phase
    {
        get => _phase;
        set => _phase = value;
    }

    public int Processed => Volatile.Read(ref _processed);

    public int Total => Volatile.Read(ref _total);

    public ImportOutcome? Outcome { get; private set; }

    public string FileNames => string.Join(", ", Files.Select(f => f.Name));

    public int Percent => Phase == ImportPhase.Done ? 100 : Total == 0 ? 0 : (int)(Processed * 100L / Total);

    public void Start(int total)
    {
        Volatile.Write(ref _processed, 0);
        Volatile.Write(ref _total, total);
    }

    public void Advance(int count = 1) => Interlocked.Add(ref _processed, count);

    public void Finish(ImportOutcome outcome)
    {
        Outcome = outcome;
        Phase = ImportPhase.Done;
    }

    public void Fail()
    {
        Outcome = ImportOutcome.FileProblem("Lỗi hệ thống khi xử lý tệp: không có dữ liệu nào được ghi. Hãy thử lại hoặc báo quản trị viên.");
        Phase = ImportPhase.Failed;
    }

    public static string PhaseLabel(ImportPhase phase) => phase switch
    {
        ImportPhase.Queued => "Đang chờ xử lý",
        ImportPhase.Reading => "Đang đọc tệp",
        ImportPhase.Checking => "Đang kiểm tra từng dòng",
        ImportPhase.Saving => "Đang ghi dữ liệu",
        ImportPhase.Done => "Hoàn thành",
        ImportPhase.Failed => "Không thành công",
    };
}
