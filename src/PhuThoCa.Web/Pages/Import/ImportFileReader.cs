using System.Globalization;
using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Csv;
using PhuThoCa.Domain.Common;
using PhuThoCa.Infrastructure.Certificates;

namespace PhuThoCa.Web.Pages.Import;

/// <summary>
/// Turns uploaded files into <see cref="ImportRow"/>s: an .xlsx (first sheet) or a CSV (UTF-8, comma or semicolon)
/// whose first row holds the template's headers, or certificate files (.cer/.crt/.pem/.der/.p7b, also inside a .zip).
/// </summary>
public static class ImportFileReader
{
    public const int MaxRows = 20_000;

    private static readonly string[] CertificateExtensions = [".cer", ".crt", ".pem", ".der", ".p7b", ".p7c"];

    public static bool IsTable(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() is ".xlsx" or ".csv";

    public static bool IsCertificateFile(string fileName) =>
        CertificateExtensions.Contains(Path.GetExtension(fileName).ToLowerInvariant()) || Path.GetExtension(fileName).Equals(".zip", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a table; problems (unreadable file, missing required columns) come back instead of rows.</summary>
    public static (List<ImportRow> Rows, List<ImportProblem> Problems) ReadTable(ImportFile file, IReadOnlyList<ImportColumn> columns)
    {
        List<IDictionary<string, object?>> raw;
        try
        {
            using var stream = new MemoryStream(file.Content, writable: false);
            raw = Path.GetExtension(file.Name).Equals(".csv", StringComparison.OrdinalIgnoreCase)
                ? stream.Query(useHeaderRow: false, excelType: ExcelType.CSV, configuration: CsvConfiguration(file.Content)).Cast<IDictionary<string, object?>>().Take(MaxRows + 2).ToList()
                : stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().Take(MaxRows + 2).ToList();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or FormatException
            or NotSupportedException or System.Xml.XmlException or ArgumentException or IndexOutOfRangeException or NullReferenceException)
        {
            return ([], [new ImportProblem(0, "Tệp", "—", file.Name,
                "Không đọc được tệp. Hãy dùng tệp Excel (.xlsx) hoặc CSV (UTF-8) theo mẫu tải về từ trang này.")]);
        }

        if (raw.Count == 0)
        {
            return ([], [new ImportProblem(0, "Tệp", "—", file.Name, "Tệp không có dữ liệu.")]);
        }

        if (raw.Count > MaxRows + 1)
        {
            return ([], [new ImportProblem(0, "Tệp", "—", file.Name, $"Tệp có quá {MaxRows.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} dòng: hãy chia thành nhiều tệp.")]);
        }

        // Header row: column letter → template column, matched without diacritics, case or a trailing "*".
        var byHeader = columns.ToDictionary(c => HeaderKey(c.Header), StringComparer.Ordinal);
        var map = new Dictionary<string, ImportColumn>(StringComparer.Ordinal);
        foreach (var (letter, value) in raw[0])
        {
            if (byHeader.TryGetValue(HeaderKey(Cell(value)), out var column))
            {
                map[letter] = column;
            }
        }

        var missing = columns.Where(c => c.Required && !map.ContainsValue(c)).ToList();
        if (missing.Count > 0)
        {
            return ([], missing.Select(c => new ImportProblem(1, "Dòng 1", c.Header, null,
                $"Thiếu cột bắt buộc “{c.Header}”: hãy dùng dòng tiêu đề của tệp mẫu.")).ToList());
        }

        var rows = new List<ImportRow>(raw.Count);
        for (var i = 1; i < raw.Count; i++)
        {
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (letter, value) in raw[i])
            {
                if (map.TryGetValue(letter, out var column))
                {
                    values[column.Field] = Text.CleanOrNull(Cell(value));
                }
            }

            if (values.Values.All(v => v is null))
            {
                continue; // blank line
            }

            var number = i + 1;
            rows.Add(new ImportRow(number, "Dòng " + number.ToString(CultureInfo.InvariantCulture), values));
        }

        return (rows, []);
    }

    /// <summary>Certificates from single files, PKCS#7 bundles and .zip archives of them; one row per certificate.</summary>
    public static (List<(string Source, ParsedCertificate Certificate)> Certificates, List<ImportProblem> Problems) ReadCertificates(IEnumerable<ImportFile> files)
    {
        var certificates = new List<(string, ParsedCertificate)>();
        var problems = new List<ImportProblem>();
        foreach (var file in Expand(files, problems))
        {
            if (CertificateFileParser.TryParseAll(file.Content, out var parsed, out var error))
            {
                certificates.AddRange(parsed.Select(p => (file.Name, p)));
            }
            else
            {
                problems.Add(new ImportProblem(0, "Tệp " + file.Name, "Tệp", file.Name, error!));
            }
        }

        return (certificates, problems);
    }

    /// <summary>A cell as the form would have received it typed: dates as dd/MM/yyyy, whole numbers without decimals.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        DateTime d => VietnamTime.DateText(DateOnly.FromDateTime(d)),
        DateOnly d => VietnamTime.DateText(d),
        double n when n == Math.Floor(n) && Math.Abs(n) < 1e15 => ((long)n).ToString(CultureInfo.InvariantCulture),
        double n => n.ToString(CultureInfo.InvariantCulture),
        decimal n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "Có" : "Không",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string HeaderKey(string header) => Text.Fold(header).Replace("*", "", StringComparison.Ordinal).Trim();

    private static CsvConfiguration CsvConfiguration(byte[] content)
    {
        // Excel in a Vietnamese locale saves "CSV" with semicolons; pick whichever the header line uses more.
        var firstLine = Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 4096)).Split('\n')[0];
        var separator = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        return new CsvConfiguration
        {
            Seperator = separator,
            StreamReaderFunc = stream => new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true),
        };
    }

    private static IEnumerable<ImportFile> Expand(IEnumerable<ImportFile> files, List<ImportProblem> problems)
    {
        foreach (var file in files)
        {
            if (!Path.GetExtension(file.Name).Equals(".zip", StringComparison.OrdinalIgnoreCase))
            {
                yield return file;
                continue;
            }

            var entries = new List<ImportFile>();
            try
            {
                using var zip = new ZipArchive(new MemoryStream(file.Content, writable: false), ZipArchiveMode.Read);
                foreach (var entry in zip.Entries.Where(e => e.Length > 0 && CertificateExtensions.Contains(Path.GetExtension(e.Name).ToLowerInvariant())))
                {
                    if (entry.Length > CertificateFileParser.MaxBytes)
                    {
                        problems.Add(new ImportProblem(0, "Tệp " + entry.FullName, "Tệp", entry.FullName, "Tệp chứng thư rỗng hoặc quá lớn (tối đa 64 KB)."));
                        continue;
                    }

                    using var content = entry.Open();
                    using var buffer = new MemoryStream();
                    content.CopyTo(buffer);
                    entries.Add(new ImportFile(entry.FullName, buffer.ToArray()));
                }
            }
            catch (InvalidDataException)
            {
                problems.Add(new ImportProblem(0, "Tệp " + file.Name, "Tệp", file.Name, "Không đọc được tệp nén .zip."));
            }

            foreach (var entry in entries)
            {
                yield return entry;
            }
        }
    }
}
