using System.Text.RegularExpressions;
using Quartz.Impl.AdoJobStore;

namespace PhuThoCa.Infrastructure.Persistence;

/// <summary>
/// The tables of the Quartz.NET job store (background jobs, docs/adr/0022-quartz-persistent-job-store.md), as the
/// Quartz package itself ships them for each database: the migrations run these statements, so a DBA who applies the
/// migration script gets the job store with the rest of the schema, and the portal starts Quartz with
/// <c>SchemaProvisioning.Validate</c> (it never creates tables itself at run time).
/// </summary>
/// <remarks>
/// Quartz's scripts only create what is missing and never drop anything, so running them on a database that already
/// has the tables changes nothing. A Quartz upgrade that adds columns needs a new migration with its upgrade script.
/// </remarks>
public static partial class QuartzSchema
{
    /// <summary>The prefix of every job-store table (the Quartz default).</summary>
    public const string TablePrefix = "QRTZ_";

    /// <summary>The statements creating the job store on <paramref name="provider"/>, in order.</summary>
    public static IReadOnlyList<string> CreateStatements(DatabaseProvider provider) =>
        [.. StatementSeparator().Split(Script(provider)).Select(statement => statement.Trim())
            .Where(statement => statement.Split('\n').Any(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal) && line.Trim().Length > 0))];

    /// <summary>The job-store tables in reverse order of creation (children first), for dropping.</summary>
    public static IReadOnlyList<string> TablesChildrenFirst(DatabaseProvider provider) =>
        [.. TableName().Matches(Script(provider)).Select(m => m.Groups[1].Value).Distinct().Reverse()];

    private static string Script(DatabaseProvider provider)
    {
        var resource = provider switch
        {
            DatabaseProvider.Sqlite => "Quartz.Impl.AdoJobStore.Schema.create_sqlite.sql",
            DatabaseProvider.SqlServer => "Quartz.Impl.AdoJobStore.Schema.create_sqlServer.sql",
        };
        using var stream = typeof(StdAdoDelegate).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The Quartz package no longer ships {resource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal);
    }

    /// <summary>Quartz's scripts separate statements by a line reading exactly "--;;".</summary>
    [GeneratedRegex(@"^--;;[ \t\r]*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex StatementSeparator();

    [GeneratedRegex(@"CREATE TABLE (?:IF NOT EXISTS )?(QRTZ_\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex TableName();
}
