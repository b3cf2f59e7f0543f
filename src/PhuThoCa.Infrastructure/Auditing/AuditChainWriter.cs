using System.Data;
using System.Data.Common;
using System.Text.Json;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Infrastructure.Auditing;

/// <summary>
/// Appends the buffered entries of a context to the chain on the transaction about to commit. The first statement
/// updates the chain head, which takes the lock that makes appends strictly sequential: on SQLite the database write lock
/// (EF's transactions there are <c>BEGIN IMMEDIATE</c> anyway), on SQL Server an exclusive row lock held until commit.
/// The head's last hash is read under that lock, so two writers can never chain onto the same entry.
/// </summary>
internal static class AuditChainWriter
{
    public static async Task AppendAsync(AppDbContext db, DbTransaction transaction, bool async, CancellationToken ct)
    {
        var connection = transaction.Connection ?? throw new InvalidOperationException("The transaction has no connection.");
        await ExecuteAsync(connection, transaction,
            $"UPDATE AuditChainHeads SET LastSequence = LastSequence WHERE Id = {AuditChainHead.SingletonId}", async, ct);

        long sequence;
        string previous;
        await using (var read = Command(connection, transaction,
            $"SELECT LastSequence, LastHash FROM AuditChainHeads WHERE Id = {AuditChainHead.SingletonId}"))
        await using (var reader = async ? await read.ExecuteReaderAsync(ct) : read.ExecuteReader())
        {
            if (!(async ? await reader.ReadAsync(ct) : reader.Read()))
            {
                throw new InvalidOperationException("The audit chain head row is missing; the audit trail cannot be appended.");
            }

            sequence = reader.GetInt64(0);
            previous = reader.GetString(1);
        }

        var at = AuditCanonicalForm.Normalize(db.AuditContext.UtcNow);
        await using var insert = Command(connection, transaction,
            "INSERT INTO AuditEntries (Id, AtUtc, UserId, UserName, ClientIp, Action, EntityType, EntityKey, Changes, Reason, PreviousHash, Hash) "
            + "VALUES (@id, @at, @userId, @userName, @ip, @action, @type, @key, @changes, @reason, @previous, @hash)");
        var p = new Dictionary<string, DbParameter>();
        foreach (var (name, type) in new[]
        {
            ("id", DbType.Int64), ("at", DbType.DateTime2), ("userId", DbType.String), ("userName", DbType.String), ("ip", DbType.String),
            ("action", DbType.String), ("type", DbType.String), ("key", DbType.String), ("changes", DbType.String), ("reason", DbType.String),
            ("previous", DbType.String), ("hash", DbType.String),
        })
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.DbType = type;
            insert.Parameters.Add(parameter);
            p[name] = parameter;
        }

        foreach (var pending in db.AuditBuffer.Pending)
        {
            var entry = ToEntry(pending, ++sequence, at);
            entry.PreviousHash = previous;
            entry.Hash = AuditCanonicalForm.ComputeHash(previous, entry);
            p["id"].Value = entry.Id;
            p["at"].Value = entry.AtUtc;
            p["userId"].Value = (object?)entry.UserId ?? DBNull.Value;
            p["userName"].Value = entry.UserName;
            p["ip"].Value = (object?)entry.ClientIp ?? DBNull.Value;
            p["action"].Value = entry.Action;
            p["type"].Value = entry.EntityType;
            p["key"].Value = entry.EntityKey;
            p["changes"].Value = entry.Changes;
            p["reason"].Value = (object?)entry.Reason ?? DBNull.Value;
            p["previous"].Value = entry.PreviousHash;
            p["hash"].Value = entry.Hash;
            _ = async ? await insert.ExecuteNonQueryAsync(ct) : insert.ExecuteNonQuery();
            previous = entry.Hash;
        }

        await using var head = Command(connection, transaction,
            $"UPDATE AuditChainHeads SET LastSequence = @seq, LastHash = @hash WHERE Id = {AuditChainHead.SingletonId}");
        Add(head, "@seq", DbType.Int64, sequence);
        Add(head, "@hash", DbType.String, previous);
        _ = async ? await head.ExecuteNonQueryAsync(ct) : head.ExecuteNonQuery();
    }

    /// <summary>The entry for a captured change or event; the key of a row inserted in this save is read now.</summary>
    internal static AuditEntry ToEntry(PendingAuditEntry pending, long sequence, DateTime atUtc) => new()
    {
        Id = sequence,
        AtUtc = atUtc,
        UserId = pending.Actor.UserId,
        UserName = pending.Actor.UserName,
        ClientIp = pending.Actor.ClientIp,
        Action = pending.Action,
        EntityType = pending.EntityType,
        EntityKey = pending.Key ?? (pending.Entry is { } e ? AuditInterceptor.KeyOf(e) : ""),
        Changes = SerializeChanges(pending.Changes),
        Reason = pending.Reason,
    };

    internal static string SerializeChanges(IReadOnlyList<AuditFieldChange> changes) =>
        JsonSerializer.Serialize(changes.Select(c => new Dictionary<string, string?> { ["f"] = c.Field, ["o"] = c.From, ["n"] = c.To }),
            AuditEntryText.Json);

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Add(DbCommand command, string name, DbType type, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, bool async, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, sql);
        _ = async ? await command.ExecuteNonQueryAsync(ct) : command.ExecuteNonQuery();
    }
}
