// Builds a benchmark database (issue 15 item 1): copies a portal database that the portal itself migrated and seeded with
// the demo data (the S size), brings it to the current migrations through the portal's DbContext, then adds
// <requests> requests with their lines and history, and <requests>/2 subscribers, certificates and tokens, spread over the
// demo agencies and the last two years, in every status, with a notification per history row for a demo user, as the
// portal writes them. Raw ADO.NET inside one transaction: generating 100k requests through the domain would take hours on
// two cores. Usage: DataGenerator <seeded.db> <out.db> <requests> [<years>]: the requests are created over the last <years>
// years (2 by default); pages.sh's H size puts 100k requests over 20 years, the yearly volume of M with ten times its history.
// Subscribers get the search and sort keys the domain computes (Subscriber.SearchKeyOf, Subscriber.SortKeyOf)
// so that searches by name find what they would in production; "DataGenerator rekey <db>" recomputes them in a database
// generated before (session 10: the keys had been the lower-cased name, so "pham thi" found the demo's 2 subscribers only).
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Calendar;
using PhuThoCa.Infrastructure.Persistence;

if (args is ["rekey", var rekeyed])
{
    await using var keys = new SqliteConnection($"Data Source={rekeyed};Pooling=False");
    await keys.OpenAsync();
    var rows = new List<(long Id, string Name, string? Email, SubscriberKind Kind)>();
    await using (var read = keys.CreateCommand())
    {
        read.CommandText = "SELECT Id, Name, Email, Kind FROM Subscribers";
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), (SubscriberKind)reader.GetInt32(3)));
        }
    }

    await using var rekey = (SqliteTransaction)await keys.BeginTransactionAsync();
    await using var update = keys.CreateCommand();
    update.Transaction = rekey;
    update.CommandText = "UPDATE Subscribers SET SearchKey = $k, SortKey = $s WHERE Id = $id";
    foreach (var (id, name, email, kind) in rows)
    {
        update.Parameters.Clear();
        update.Parameters.AddWithValue("$k", Subscriber.SearchKeyOf(name, email));
        update.Parameters.AddWithValue("$s", Subscriber.SortKeyOf(kind, name));
        update.Parameters.AddWithValue("$id", id);
        await update.ExecuteNonQueryAsync();
    }

    await rekey.CommitAsync();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rekeyed}: search and sort keys of {rows.Count} subscribers recomputed"));
    return 0;
}

if (args.Length is not (3 or 4))
{
    Console.Error.WriteLine("usage: DataGenerator <seeded.db> <out.db> <requests> [<years>]");
    return 2;
}

var (source, target, requests) = (args[0], args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
var years = args.Length == 4 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2;
var watch = Stopwatch.StartNew();
File.Copy(source, target, overwrite: true);
var options = new DbContextOptionsBuilder<AppDbContext>();
DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={target}");
await using (var db = AppDbContext.Create(options.Options, UnrestrictedScope.Instance))
{
    await db.Database.MigrateAsync();
}

var random = new Random(15);
await using var connection = new SqliteConnection($"Data Source={target};Pooling=False");
await connection.OpenAsync();
var agencies = await ReadIdsAsync("SELECT Id FROM Agencies");
var users = await ReadStringsAsync("SELECT Id FROM AspNetUsers");
var now = DateTime.UtcNow;
string[] family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Hà"];
string[] middle = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Hồng", "Ngọc", "Thanh", "Xuân", "Hữu", "Kim"];
string[] given = ["An", "Bình", "Cường", "Dung", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long",
    "Mai", "Nam", "Nga", "Phong", "Phương", "Quân", "Sơn", "Tâm", "Thắng", "Thảo", "Trang", "Trung", "Tuấn", "Vân", "Yến"];
string Name() => $"{family[random.Next(family.Length)]} {middle[random.Next(middle.Length)]} {given[random.Next(given.Length)]}";
string Utc(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
string Date(DateTime t) => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
var people = requests / 2;
var subscribers = new List<(long Id, int Agency, string Name)>(people);
var certificates = new List<(long Id, string Serial)>(people);
var tokens = new List<(long Id, string Serial)>(people);
{
    var sub = Command("INSERT INTO Subscribers (AgencyId, Kind, Name, Position, Email, IsActive, SearchKey, SortKey) VALUES ($a, 1, $n, 'Chuyên viên', $e, 1, $k, $o); SELECT last_insert_rowid();");
    var tok = Command("INSERT INTO Tokens (AgencyId, SerialNumber, Model, Status, CustodianName, CustodianSubscriberId, RecoveryCount, HandoverCount) VALUES ($a, $s, 'ePass2003', $st, $n, $sub, 0, 1); SELECT last_insert_rowid();");
    var cert = Command("INSERT INTO Certificates (SubscriberId, TokenId, SerialNumber, SubjectDn, Issuer, NotBeforeUtc, NotAfterUtc, Storage, Status, RenewalCount) VALUES ($sub, $t, $s, $dn, 'CN=Cục Chứng thực số và Bảo mật thông tin', $nb, $na, 1, $st, 0); SELECT last_insert_rowid();");
    for (var i = 0; i < people; i++)
    {
        var agency = agencies[random.Next(agencies.Count)];
        var name = Name();
        var email = $"bench{i}@phutho.gov.vn";
        var subId = await Scalar(sub, ("$a", agency), ("$n", name), ("$e", email), ("$k", Subscriber.SearchKeyOf(name, email)), ("$o", Subscriber.SortKeyOf(SubscriberKind.Person, name)));
        var tokenSerial = $"BT{i:D8}";
        var tokenId = await Scalar(tok, ("$a", agency), ("$s", tokenSerial), ("$st", (int)(random.Next(20) == 0 ? TokenStatus.Locked : TokenStatus.HandedOver)), ("$n", name), ("$sub", subId));
        var notBefore = now.AddDays(-random.Next(1, 1095));
        var notAfter = notBefore.AddYears(3);
        var status = notAfter < now ? CertificateStatus.Expired : random.Next(25) == 0 ? CertificateStatus.Revoked : CertificateStatus.Valid;
        var serial = $"5401{i:X12}";
        var certId = await Scalar(cert, ("$sub", subId), ("$t", tokenId), ("$s", serial), ("$dn", $"CN={name}, O=UBND tỉnh Phú Thọ, C=VN"),
            ("$nb", Utc(notBefore)), ("$na", Utc(notAfter)), ("$st", (int)status));
        subscribers.Add((subId, agency, name));
        certificates.Add((certId, serial));
        tokens.Add((tokenId, tokenSerial));
    }
}

// The path of history rows that leads to each status (action, status after it), as the state machine writes them.
var submit = (RequestAction.Submit, RequestStatus.Submitted);
var receive = (RequestAction.Receive, RequestStatus.Received);
var accept = (RequestAction.Accept, RequestStatus.Accepted);
var filed = (RequestAction.RecordFiledOnCaPortal, RequestStatus.AwaitingCaResult);
var result = (RequestAction.RecordCaResult, RequestStatus.ResultReceived);
var paths = new Dictionary<RequestStatus, (RequestAction Action, RequestStatus To)[]>
{
    [RequestStatus.Draft] = [],
    [RequestStatus.Submitted] = [submit],
    [RequestStatus.Received] = [submit, receive],
    [RequestStatus.ReturnedForSupplement] = [submit, receive, (RequestAction.ReturnForSupplement, RequestStatus.ReturnedForSupplement)],
    [RequestStatus.Accepted] = [submit, receive, accept],
    [RequestStatus.Rejected] = [submit, receive, (RequestAction.Reject, RequestStatus.Rejected)],
    [RequestStatus.AwaitingCaResult] = [submit, receive, accept, filed],
    [RequestStatus.RejectedByCa] = [submit, receive, accept, filed, (RequestAction.RecordCaRejection, RequestStatus.RejectedByCa)],
    [RequestStatus.ResultReceived] = [submit, receive, accept, filed, result],
    [RequestStatus.AwaitingTokenReturn] = [submit, receive, accept, filed, (RequestAction.RecordCaResult, RequestStatus.AwaitingTokenReturn)],
    [RequestStatus.Completed] = [submit, receive, accept, filed, result, (RequestAction.HandOver, RequestStatus.Completed)],
    [RequestStatus.Cancelled] = [submit, (RequestAction.Cancel, RequestStatus.Cancelled)],
};
var statuses = paths.Keys.ToArray();
var req = Command("""
    INSERT INTO Requests (Type, Status, AgencyId, CreatedByUserId, CreatedByName, CreatedAtUtc, SubmittedAtUtc, LetterNumber, LetterDate,
        SignerName, SignerPosition, ReceiptNumber, ReceivedAtUtc, DueDate, DueStep, ClockWorkingDaysUsed, ClosedAtUtc, RowVersion)
    VALUES ($type, $status, $a, $u, $un, $c, $s, $ln, $ld, $sn, 'Giám đốc', $rn, $r, $due, $step, 0, $closed, randomblob(16));
    SELECT last_insert_rowid();
    """);
// Each type's own line fields, as the domain writes them: a revocation's reason, a change's case and values.
var line = Command("INSERT INTO RequestLine (RequestId, SubscriberId, SubscriberKind, SubscriberName, CertificateId, CertificateSerial, TokenId, TokenSerial, RevocationReason, ChangeCase, OldValue, NewValue) VALUES ($r, $sub, 1, $n, $c, $cs, $t, $ts, $reason, $case, $old, $new)");
var hist = Command("""INSERT INTO RequestHistory (RequestId, "From", "To", Action, ActorName, ActorUserId, AtUtc, Note, DueDate) VALUES ($r, $f, $t, $a, $n, $u, $at, NULL, $due)""");
var note = Command("INSERT INTO Notifications (UserId, RequestId, Title, Detail, CreatedAtUtc, ReadAtUtc) VALUES ($u, $r, $t, $d, $c, $read)");
long historyRows = 0, notifications = 0, lines = 0;
for (var i = 0; i < requests; i++)
{
    var type = (RequestType)random.Next(1, 6);
    var status = statuses[random.Next(statuses.Length)];
    if (type == RequestType.RecoverToken && status is RequestStatus.AwaitingCaResult or RequestStatus.RejectedByCa or RequestStatus.ResultReceived or RequestStatus.AwaitingTokenReturn)
    {
        status = RequestStatus.Completed;
    }

    var path = type == RequestType.RecoverToken && status == RequestStatus.Completed
        ? [submit, receive, accept, (RequestAction.RecordRecovered, RequestStatus.Completed)]
        : paths[status];
    var owner = subscribers[random.Next(subscribers.Count)];
    var created = now.AddMinutes(-random.Next(60, years * 365 * 24 * 60));
    var times = path.Select((_, k) => created.AddHours(4 + (k * 30) + random.Next(20))).Select(t => t > now ? now : t).ToList();
    var timed = type is RequestType.Renew or RequestType.ChangeInfo or RequestType.RecoverToken;
    var receivedAt = path.Any(p => p.Action == RequestAction.Receive) ? times[1] : (DateTime?)null;
    DateTime? dueDate = timed && receivedAt is { } rec ? rec.Date.AddDays(type == RequestType.RecoverToken ? 1 : 5) : null;
    var running = timed && status is RequestStatus.Received or RequestStatus.Accepted;
    var creator = users[random.Next(users.Count)];
    var requestId = await Scalar(req, ("$type", (int)type), ("$status", (int)status), ("$a", owner.Agency), ("$u", creator), ("$un", Name()),
        ("$c", Utc(created)), ("$s", path.Length > 0 ? Utc(times[0]) : null), ("$ln", $"{i}/BENCH"), ("$ld", Date(created)), ("$sn", Name()),
        ("$rn", receivedAt is null ? null : $"SKHCN-B-{i:D7}"), ("$r", receivedAt is { } r ? Utc(r) : null),
        ("$due", running ? Date(dueDate!.Value) : null),
        ("$step", running ? (int)(type == RequestType.RecoverToken ? DeadlineStep.RecoverToken : DeadlineStep.FileOnCaPortal) : null),
        ("$closed", status is RequestStatus.Completed or RequestStatus.Cancelled or RequestStatus.Rejected or RequestStatus.RejectedByCa ? Utc(times[^1]) : null));
    var lineCount = random.Next(4) == 0 ? 2 : 1;
    for (var k = 0; k < lineCount; k++)
    {
        var pick = random.Next(subscribers.Count);
        await Exec(line, ("$r", requestId), ("$sub", subscribers[pick].Id), ("$n", subscribers[pick].Name), ("$c", certificates[pick].Id),
            ("$cs", certificates[pick].Serial), ("$t", tokens[pick].Id), ("$ts", tokens[pick].Serial),
            ("$reason", type == RequestType.Revoke ? (int)RevocationReason.KeyCompromised : null),
            ("$case", type == RequestType.ChangeInfo ? (int)ChangeInfoCase.PersonChangedOfficialEmail : null),
            ("$old", type == RequestType.ChangeInfo ? "cu@phutho.gov.vn" : null), ("$new", type == RequestType.ChangeInfo ? "moi@phutho.gov.vn" : null));
        lines++;
    }

    var from = RequestStatus.Draft;
    for (var k = 0; k < path.Length; k++)
    {
        var (action, to) = path[k];
        var due = timed && to is RequestStatus.Received or RequestStatus.Accepted ? Date(dueDate!.Value) : null;
        await Exec(hist, ("$r", requestId), ("$f", (int)from), ("$t", (int)to), ("$a", (int)action), ("$n", Name()), ("$u", creator),
            ("$at", Utc(times[k])), ("$due", due));
        await Exec(note, ("$u", users[random.Next(users.Count)]), ("$r", requestId), ("$t", $"Yêu cầu {i}/BENCH: {action}"),
            ("$d", "Trạng thái mới."), ("$c", Utc(times[k])), ("$read", random.Next(2) == 0 ? Utc(times[k].AddHours(1)) : null));
        from = to;
        historyRows++;
        notifications++;
    }
}

await using (var results = Command("""UPDATE Requests SET CaResultRecordedAtUtc = (SELECT MIN(h.AtUtc) FROM RequestHistory AS h WHERE h.RequestId = Requests.Id AND h.Action = 8) WHERE CaResultRecordedAtUtc IS NULL"""))
{
    // The time the Cục's result was recorded, which the domain sets with the RecordCaResult move.
    await results.ExecuteNonQueryAsync();
}

await using (var milestones = Command(PhuThoCa.Migrations.Sqlite.Migrations.RequestMilestones.Backfill))
{
    // The generated history's milestones on each request, as the domain keeps them (ADR 0029), by the migration's own statements.
    await milestones.ExecuteNonQueryAsync();
}

await tx.CommitAsync();

// The Cục's working days of each answer, which the domain records with the answer (ADR 0037), counted with the portal's
// calendar; the triggers move each request's report count from "unknown days" to its days.
await using (var db = AppDbContext.Create(options.Options, UnrestrictedScope.Instance))
{
    var calendar = await new CalendarProvider(new ConfigurationBuilder().Build(), TimeProvider.System).GetAsync(db);
    var deadlines = new CalendarDeadlines(calendar, RequestDeadlineSettings.Default);
    var answers = new List<(long Id, int Days)>();
    await using (var read = connection.CreateCommand())
    {
        read.CommandText = "SELECT Id, CaWaitStartedAtUtc, CaAnsweredAtUtc FROM Requests WHERE CaAnsweredAtUtc IS NOT NULL AND CaWaitStartedAtUtc IS NOT NULL AND CaWorkingDays IS NULL";
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            DateTime UtcAt(int i) => DateTime.SpecifyKind(reader.GetDateTime(i), DateTimeKind.Utc);
            answers.Add((reader.GetInt64(0), Request.CaWorkingDaysBetween(deadlines, UtcAt(1), UtcAt(2))));
        }
    }

    await using var daysTx = await connection.BeginTransactionAsync();
    await using var update = connection.CreateCommand();
    update.Transaction = (SqliteTransaction)daysTx;
    update.CommandText = "UPDATE Requests SET CaWorkingDays = $days WHERE Id = $id";
    var days = update.Parameters.Add("$days", SqliteType.Integer);
    var id = update.Parameters.Add("$id", SqliteType.Integer);
    foreach (var answer in answers)
    {
        (days.Value, id.Value) = (answer.Days, answer.Id);
        await update.ExecuteNonQueryAsync();
    }

    await daysTx.CommitAsync();
}

await using (var analyze = connection.CreateCommand())
{
    // The portal never runs ANALYZE; neither does the generator, so plans match a fresh production file.
    analyze.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
    await analyze.ExecuteNonQueryAsync();
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{target}: +{requests} requests, {lines} lines, {historyRows} history rows, {notifications} notifications, {people} subscribers/certificates/tokens in {watch.Elapsed.TotalSeconds:F0} s"));
return 0;

SqliteCommand Command(string sql)
{
    var command = connection.CreateCommand();
    command.Transaction = tx;
    command.CommandText = sql;
    return command;
}

async Task<long> Scalar(SqliteCommand command, params (string Name, object? Value)[] values)
{
    Bind(command, values);
    return (long)(await command.ExecuteScalarAsync())!;
}

async Task Exec(SqliteCommand command, params (string Name, object? Value)[] values)
{
    Bind(command, values);
    await command.ExecuteNonQueryAsync();
}

static void Bind(SqliteCommand command, (string Name, object? Value)[] values)
{
    command.Parameters.Clear();
    foreach (var (name, value) in values)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
    }
}

async Task<List<int>> ReadIdsAsync(string sql)
{
    await using var command = connection.CreateCommand();
    command.CommandText = sql;
    var ids = new List<int>();
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        ids.Add(reader.GetInt32(0));
    }

    return ids;
}

async Task<List<string>> ReadStringsAsync(string sql)
{
    await using var command = connection.CreateCommand();
    command.CommandText = sql;
    var ids = new List<string>();
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        ids.Add(reader.GetString(0));
    }

    return ids;
}
