using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace PhuThoCa.Infrastructure.Persistence;

/// <summary>
/// Takes the next value of a counter row (<c>LastValue</c>, <c>Version</c>, identified by its key columns) with one atomic
/// UPDATE … RETURNING (OUTPUT on SQL Server), creating the row holding 1 on first use: two users taking a number at the same
/// moment each get their own, and neither is told the record changed. Behind receipt numbers and Sở's document registers.
/// The number is taken before the caller saves, so a save that then fails leaves that number unused; a number is never
/// issued twice.
/// </summary>
public static class AtomicCounters
{
    /// <param name="db">The caller's context (its connection and provider).</param>
    /// <param name="table">Table name (a constant of the model, never user input).</param>
    /// <param name="keys">Key columns (constants of the model) and their values (sent as parameters).</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<int> NextAsync(AppDbContext db, string table, IReadOnlyList<(string Column, object Value)> keys,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(keys);
        var sqlServer = db.Database.ProviderName?.Contains("SqlServer", StringComparison.Ordinal) == true;
        string Name(string identifier) => sqlServer ? $"[{identifier}]" : $"\"{identifier}\"";
        var where = string.Join(" AND ", keys.Select((k, i) => $"{Name(k.Column)} = {{{i}}}"));
        var columns = string.Join(", ", keys.Select(k => Name(k.Column)));
        var values = string.Join(", ", keys.Select((_, i) => $"{{{i}}}"));
        var v = $"{{{keys.Count}}}";
        var t = Name(table);
        var update = sqlServer
            ? $"UPDATE {t} SET [LastValue] = [LastValue] + 1, [Version] = {v} OUTPUT inserted.[LastValue] AS [Value] WHERE {where}"
            : $"UPDATE {t} SET \"LastValue\" = \"LastValue\" + 1, \"Version\" = {v} WHERE {where} RETURNING \"LastValue\" AS \"Value\"";
        var insert = sqlServer
            ? $"INSERT INTO {t} ({columns}, [LastValue], [Version]) OUTPUT inserted.[LastValue] AS [Value] SELECT {values}, 1, {v} "
                + $"WHERE NOT EXISTS (SELECT 1 FROM {t} WITH (UPDLOCK, HOLDLOCK) WHERE {where})"
            : $"INSERT INTO {t} ({columns}, \"LastValue\", \"Version\") VALUES ({values}, 1, {v}) ON CONFLICT DO NOTHING RETURNING \"LastValue\" AS \"Value\"";
        for (var attempt = 0; ; attempt++)
        {
            object[] arguments = [.. keys.Select(k => k.Value), Guid.NewGuid().ToByteArray()];
            var taken = await db.Database.SqlQuery<int>(FormattableStringFactory.Create(update, arguments)).ToListAsync(ct);
            if (taken.Count == 1)
            {
                return taken[0];
            }

            // First number of the key: create the row holding 1, unless another user just did (then take the next).
            var created = await db.Database.SqlQuery<int>(FormattableStringFactory.Create(insert, arguments)).ToListAsync(ct);
            if (created.Count == 1)
            {
                return created[0];
            }

            if (attempt >= 3)
            {
                throw new InvalidOperationException($"No number could be taken from {table}.");
            }
        }
    }
}
