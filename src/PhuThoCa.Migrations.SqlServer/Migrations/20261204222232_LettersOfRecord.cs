using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.SqlServer.Migrations
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
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "IssuedOn",
                table: "GeneratedLetters",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SentOn",
                table: "GeneratedLetters",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignerName",
                table: "GeneratedLetters",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignerPosition",
                table: "GeneratedLetters",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "GeneratedLetters",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "DocumentCounters",
                columns: table => new
                {
                    Register = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    LastValue = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<byte[]>(type: "varbinary(16)", maxLength: 16, nullable: false)
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
