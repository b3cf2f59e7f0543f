using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LettersOfRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Content",
                table: "GeneratedLetters",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "IssuedOn",
                table: "GeneratedLetters",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SentOn",
                table: "GeneratedLetters",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignerName",
                table: "GeneratedLetters",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignerPosition",
                table: "GeneratedLetters",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "GeneratedLetters",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "DocumentCounters",
                columns: table => new
                {
                    Register = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    LastValue = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<byte[]>(type: "BLOB", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentCounters", x => new { x.Register, x.Year });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentCounters");

            migrationBuilder.DropColumn(
                name: "Content",
                table: "GeneratedLetters");

            migrationBuilder.DropColumn(
                name: "IssuedOn",
                table: "GeneratedLetters");

            migrationBuilder.DropColumn(
                name: "SentOn",
                table: "GeneratedLetters");

            migrationBuilder.DropColumn(
                name: "SignerName",
                table: "GeneratedLetters");

            migrationBuilder.DropColumn(
                name: "SignerPosition",
                table: "GeneratedLetters");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "GeneratedLetters");
        }
    }
}
