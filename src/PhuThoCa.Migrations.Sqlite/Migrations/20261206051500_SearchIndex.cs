using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Infix search index (issue 15 item 3, docs/adr/0027-infix-search-index.md), SQLite only; the model does not change.
    /// One FTS5 table with the trigram tokenizer per searched register, external-content (the text stays in the register's
    /// own column; the FTS table holds only the index), kept in sync by triggers on insert, delete and update of the indexed
    /// columns, and filled once here by 'rebuild'. Read by PhuThoCa.Infrastructure.Persistence.TextSearch.
    /// <para>
    /// A later migration that makes EF rebuild one of these tables on SQLite (drop and re-create, for a column change SQLite
    /// cannot ALTER) drops its triggers with it: it must re-create them and rebuild the index
    /// (SearchIndexTests.Triggers_KeepTheIndexInSync fails otherwise).
    /// </para>
    /// </summary>
    public partial class SearchIndex : Migration
    {
        // (FTS table, register table, indexed columns). Column names as in the register; the rowid is the register's Id.
        // Tokenizer: case_sensitive 1 where the search is an exact substring (folded keys, upper-case serials); the requests'
        // keys and the lines' serials are searched by a case-insensitive LIKE prefix, so their index folds case (a superset,
        // narrowed by the exact condition).
        private static readonly (string Index, string Table, string[] Columns, bool CaseSensitive)[] Indexes =
        [
            ("SubscribersSearch", "Subscribers", ["SearchKey"], true),
            ("CertificatesSearch", "Certificates", ["SerialNumber"], true),
            ("TokensSearch", "Tokens", ["SerialNumber", "CustodianName"], true),
            ("RequestsSearch", "Requests", ["ReceiptNumber", "CaDossierCode", "LetterNumber"], false),
            ("RequestLinesSearch", "RequestLine", ["TokenSerial", "CertificateSerial"], false),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider != "Microsoft.EntityFrameworkCore.Sqlite")
            {
                return;
            }

            foreach (var (index, table, columns, caseSensitive) in Indexes)
            {
                var names = string.Join(", ", columns);
                var newValues = string.Join(", ", columns.Select(c => $"new.\"{c}\""));
                var oldValues = string.Join(", ", columns.Select(c => $"old.\"{c}\""));
                // case_sensitive 1: no folding by SQLite; the columns are already folded (SearchKey) or upper-case (serials),
                // the texts searched are folded or normalised the same way, and the match is then exactly instr()'s.
                migrationBuilder.Sql($"CREATE VIRTUAL TABLE \"{index}\" USING fts5({names}, content='{table}', content_rowid='Id', "
                    + $"tokenize='trigram case_sensitive {(caseSensitive ? 1 : 0)}');");
                migrationBuilder.Sql($"CREATE TRIGGER \"{index}_Insert\" AFTER INSERT ON \"{table}\" BEGIN "
                    + $"INSERT INTO \"{index}\"(rowid, {names}) VALUES (new.\"Id\", {newValues}); END;");
                migrationBuilder.Sql($"CREATE TRIGGER \"{index}_Delete\" AFTER DELETE ON \"{table}\" BEGIN "
                    + $"INSERT INTO \"{index}\"(\"{index}\", rowid, {names}) VALUES ('delete', old.\"Id\", {oldValues}); END;");
                migrationBuilder.Sql($"CREATE TRIGGER \"{index}_Update\" AFTER UPDATE OF {string.Join(", ", columns.Select(c => $"\"{c}\""))} ON \"{table}\" BEGIN "
                    + $"INSERT INTO \"{index}\"(\"{index}\", rowid, {names}) VALUES ('delete', old.\"Id\", {oldValues}); "
                    + $"INSERT INTO \"{index}\"(rowid, {names}) VALUES (new.\"Id\", {newValues}); END;");
                migrationBuilder.Sql($"INSERT INTO \"{index}\"(\"{index}\") VALUES ('rebuild');");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider != "Microsoft.EntityFrameworkCore.Sqlite")
            {
                return;
            }

            foreach (var (index, _, _, _) in Indexes)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{index}_Insert\";");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{index}_Delete\";");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{index}_Update\";");
                migrationBuilder.Sql($"DROP TABLE IF EXISTS \"{index}\";");
            }
        }
    }
}
