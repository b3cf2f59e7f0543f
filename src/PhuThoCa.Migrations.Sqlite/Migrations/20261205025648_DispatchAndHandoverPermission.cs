using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DispatchAndHandoverPermission : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "GiverUnit",
                table: "TokenHandovers",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PermissionDate",
                table: "TokenHandovers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PermissionNumber",
                table: "TokenHandovers",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceiverUnit",
                table: "TokenHandovers",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SentToCaOn",
                table: "Requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SentToCaVia",
                table: "Requests",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "GiverUnit",
                table: "TokenHandovers");

            migrationBuilder.DropColumn(
                name: "PermissionDate",
                table: "TokenHandovers");

            migrationBuilder.DropColumn(
                name: "PermissionNumber",
                table: "TokenHandovers");

            migrationBuilder.DropColumn(
                name: "ReceiverUnit",
                table: "TokenHandovers");

            migrationBuilder.DropColumn(
                name: "SentToCaOn",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "SentToCaVia",
                table: "Requests");
        }
    }
}
