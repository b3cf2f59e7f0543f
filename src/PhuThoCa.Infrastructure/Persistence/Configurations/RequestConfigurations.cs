using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhuThoCa.Domain.Requests;

namespace PhuThoCa.Infrastructure.Persistence.Configurations;

internal sealed class RequestConfiguration : IEntityTypeConfiguration<Request>
{
    public void Configure(EntityTypeBuilder<Request> b)
    {
        b.Property(r => r.CreatedByUserId).HasMaxLength(450).IsRequired();
        b.Property(r => r.CreatedByName).HasMaxLength(200).IsRequired();
        // The letter and Mục 1 are values of the aggregate (complex types), kept in the columns they always had.
        b.ComplexProperty(r => r.Letter, letter =>
        {
            letter.Property(l => l.Number).HasColumnName("LetterNumber").HasMaxLength(Request.LetterNumberMaxLength);
            letter.Property(l => l.Date).HasColumnName("LetterDate");
            letter.Property(l => l.SignerName).HasColumnName("SignerName").HasMaxLength(200);
            letter.Property(l => l.SignerPosition).HasColumnName("SignerPosition").HasMaxLength(200);
        });
        b.ComplexProperty(r => r.Contact, contact =>
        {
            contact.Property(c => c.FullName).HasColumnName("ContactFullName").HasMaxLength(200);
            contact.Property(c => c.NationalId).HasColumnName("ContactNationalId").HasMaxLength(12);
            contact.Property(c => c.NationalIdIssuedOn).HasColumnName("ContactNationalIdIssuedOn");
            contact.Property(c => c.NationalIdIssuedBy).HasColumnName("ContactNationalIdIssuedBy").HasMaxLength(200);
            contact.Property(c => c.Position).HasColumnName("ContactPosition").HasMaxLength(200);
            contact.Property(c => c.Phone).HasColumnName("ContactPhone").HasMaxLength(30);
            contact.Property(c => c.Email).HasColumnName("ContactEmail").HasMaxLength(200);
            contact.Property(c => c.Address).HasColumnName("ContactAddress").HasMaxLength(300);
            contact.Property(c => c.Workplace).HasColumnName("ContactWorkplace").HasMaxLength(300);
        });
        b.Property(r => r.ReceiptNumber).HasMaxLength(30);
        b.Property(r => r.CaDossierCode).HasMaxLength(Request.DossierCodeMaxLength);
        b.Property(r => r.SupplementReason).HasMaxLength(Request.ReasonMaxLength);
        b.Property(r => r.RejectionReason).HasMaxLength(Request.ReasonMaxLength);
        b.Property(r => r.CancellationReason).HasMaxLength(Request.ReasonMaxLength);
        b.Property(r => r.HandedOverTo).HasMaxLength(200);

        // Optimistic concurrency: the aggregate renews RowVersion on every change (same behaviour on SQLite and SQL Server).
        b.Property(r => r.RowVersion).IsConcurrencyToken().HasMaxLength(16);

        // RequestCounts is kept by triggers on this table (RequestCount); EF must know, or SQL Server refuses its OUTPUT clause.
        b.ToTable(tb =>
        {
            tb.HasTrigger(RequestCount.Trigger);
            tb.HasTrigger(RequestMonthCount.Trigger);
            tb.HasTrigger(RequestClockCount.Trigger);
            tb.HasTrigger(ReceiptOutcomeCount.Trigger);
            tb.HasTrigger(RequestReportCount.Trigger);
        });
        b.HasIndex(r => r.ReceiptNumber).IsUnique();
        b.HasIndex(r => new { r.AgencyId, r.Status });
        // The requests list (docs/performance.md): its default sort (due date, then newest) and the same under a status filter,
        // each served by an index range read; the "newest" sort; the dashboard's monthly receipts.
        b.HasIndex(r => new { r.Status, r.DueDate, r.CreatedAtUtc }).IsDescending(false, false, true);
        b.HasIndex(r => new { r.DueDate, r.CreatedAtUtc }).IsDescending(false, true);
        b.HasIndex(r => r.CreatedAtUtc);
        // The dashboard's receipts and completions per month by type: range reads of the last 12 months that the index
        // covers (with Type in it, SQLite no longer visits each request's row: 312 ms -> ~30 ms at 100k requests).
        b.HasIndex(r => new { r.ReceivedAtUtc, r.Type });
        b.HasIndex(r => new { r.Status, r.ClosedAtUtc, r.Type });
        // Sở's inbox and dashboard queue (docs/performance.md, "Inbox"): per status, the overdue and due-today counts as
        // ranges on the due date with the step read from the index, the late-to-receive count as a range on the sending
        // time of the undated sent requests, and each part of the list read in (due date, sending time, id) order without a
        // sort of the whole group.
        b.HasIndex(r => new { r.Status, r.DueDate, r.SubmittedAtUtc, r.DueStep });
        // The on-time statistics and the Điều 8.4 report (ADR 0029): a range of first receipts whose rows the index covers,
        // with the history's milestones kept on the request, so neither visits a request's row nor its history.
        b.HasIndex(r => new
        {
            r.FirstReceivedAtUtc,
            r.Type,
            r.AgencyId,
            r.Status,
            r.ClosedAtUtc,
            r.ResolvedAtUtc,
            r.Resolution,
            r.DueDate,
            r.CaWaitStartedAtUtc,
            r.CaAnsweredAtUtc,
        }).HasDatabaseName("IX_Requests_Milestones");
        // The report's changed certificates: change requests whose result the Cục gave in the period.
        b.HasIndex(r => new { r.CaResultRecordedAtUtc, r.Type, r.AgencyId });
        b.HasOne<Domain.Agencies.Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);

        b.HasMany(r => r.Lines).WithOne().HasForeignKey("RequestId").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(r => r.History).WithOne().HasForeignKey("RequestId").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.History).UsePropertyAccessMode(PropertyAccessMode.Field);

        b.Ignore(r => r.IsOpen);
        b.Ignore(r => r.AvailableActions);
        b.Ignore(r => r.IssueSubscriberKind);
        b.Ignore(r => r.FormNumber);
    }
}

internal sealed class RequestLineConfiguration : IEntityTypeConfiguration<RequestLine>
{
    public void Configure(EntityTypeBuilder<RequestLine> b)
    {
        b.Property(l => l.SubscriberName).HasMaxLength(200).IsRequired();
        b.Property(l => l.CertificateSerial).HasMaxLength(64);
        b.Property(l => l.TokenSerial).HasMaxLength(64);
        b.Property(l => l.PreviousCertificateSerial).HasMaxLength(64);
        b.Property(l => l.SimPki).HasMaxLength(16);
        b.Property(l => l.OldValue).HasMaxLength(500);
        b.Property(l => l.NewValue).HasMaxLength(500);
        b.Property(l => l.RevocationDetail).HasMaxLength(1000);
        b.Property(l => l.ResultSerial).HasMaxLength(64);
        b.Property(l => l.ResultTokenSerial).HasMaxLength(64);
        b.Property(l => l.ResultNote).HasMaxLength(1000);
        b.Property(l => l.TokenReturnMinutesNumber).HasMaxLength(50);
        b.HasIndex(l => l.CertificateId);
        b.HasIndex(l => l.TokenId);
        // A subscriber's lines with their requests' ids in the index itself: the search by name (RequestSearch) and a
        // subscriber's requests read the ids without visiting each line (744 lines for "pham thi" at 100,000 requests:
        // 1.48 → 1.11 ms, docs/performance.md). It also serves the foreign key, which had an index of its own.
        b.HasIndex("SubscriberId", "RequestId");
        // A request's lines with their subscribers' ids in the index itself: a search for a common fragment tests each
        // request by its lines' subscribers (RequestSearch, SubscriberMatches.Many) without visiting each line's row ("nguyen"
        // at 100,000 requests: 2.30 → 1.46 ms, docs/performance.md, session 25). It also serves the foreign key.
        b.HasIndex("RequestId", "SubscriberId");
        b.HasOne<Domain.Subscribers.Subscriber>().WithMany().HasForeignKey(l => l.SubscriberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Certificates.Certificate>().WithMany().HasForeignKey(l => l.CertificateId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Tokens.UsbToken>().WithMany().HasForeignKey(l => l.TokenId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RequestStatusChangeConfiguration : IEntityTypeConfiguration<RequestStatusChange>
{
    public void Configure(EntityTypeBuilder<RequestStatusChange> b)
    {
        b.ToTable("RequestHistory");
        b.Property(h => h.ActorName).HasMaxLength(200).IsRequired();
        b.Property(h => h.ActorUserId).HasMaxLength(450).IsRequired();
        b.Property(h => h.Note).HasMaxLength(4000);

        // Statistics and the dashboard trends find receipts and resolutions in a period from here, then read the rows of
        // just those requests by RequestId (never an EXISTS probe per request, which this index would make slow).
        b.HasIndex("Action", "AtUtc", "RequestId");
        // A request's own rows by action (the report's first receipt, first resolution, Cục steps). Without it SQLite's
        // planner (no statistics) answers "this request's rows with action X" from the index above, reading every row of
        // that action for each request: the yearly report took 33 s at 10k requests, 0.3 s with it (docs/performance.md).
        b.HasIndex("RequestId", "Action", "AtUtc");
        // Kept explicitly (the index above would replace the foreign key's): "the row just before this one" is a
        // (RequestId, rowid) range read of it.
        b.HasIndex("RequestId");
    }
}

internal sealed class RequestAttachmentConfiguration : IEntityTypeConfiguration<RequestAttachment>
{
    public void Configure(EntityTypeBuilder<RequestAttachment> b)
    {
        b.Property(a => a.FileName).HasMaxLength(255).IsRequired();
        b.Property(a => a.StorageKey).HasMaxLength(64).IsRequired();
        b.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        b.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
        b.Property(a => a.UploadedBy).HasMaxLength(200).IsRequired();
        b.HasIndex(a => a.RequestId);
        b.HasOne<Request>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GeneratedLetterConfiguration : IEntityTypeConfiguration<GeneratedLetter>
{
    public void Configure(EntityTypeBuilder<GeneratedLetter> b)
    {
        b.Property(l => l.Kind).HasMaxLength(20).IsRequired();
        b.Property(l => l.Number).HasMaxLength(50);
        b.Property(l => l.StorageKey).HasMaxLength(64).IsRequired();
        b.Property(l => l.Sha256).HasMaxLength(64).IsRequired();
        b.Property(l => l.GeneratedBy).HasMaxLength(200).IsRequired();
        b.Property(l => l.SignerName).HasMaxLength(200);
        b.Property(l => l.SignerPosition).HasMaxLength(200);
        b.Ignore(l => l.IsSent);
        b.HasIndex(l => new { l.RequestId, l.Kind });
        b.HasOne<Request>().WithMany().HasForeignKey(l => l.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReceiptCounterConfiguration : IEntityTypeConfiguration<ReceiptCounter>
{
    public void Configure(EntityTypeBuilder<ReceiptCounter> b)
    {
        b.HasKey(c => c.Year);
        b.Property(c => c.Year).ValueGeneratedNever();
        b.Property(c => c.Version).IsConcurrencyToken().HasMaxLength(16);
    }
}

internal sealed class DocumentCounterConfiguration : IEntityTypeConfiguration<DocumentCounter>
{
    public void Configure(EntityTypeBuilder<DocumentCounter> b)
    {
        b.HasKey(c => new { c.Register, c.Year });
        b.Property(c => c.Register).HasMaxLength(20);
        b.Property(c => c.Year).ValueGeneratedNever();
        b.Property(c => c.Version).IsConcurrencyToken().HasMaxLength(16);
    }
}

internal sealed class RequestCountConfiguration : IEntityTypeConfiguration<RequestCount>
{
    public void Configure(EntityTypeBuilder<RequestCount> b)
    {
        b.ToTable("RequestCounts");
        b.HasKey(c => new { c.AgencyId, c.Type, c.Status });
        // The requests list's total by status (and type) for province-wide users: a range of this index with the counts
        // in it, instead of every counter row (3,472 at 100,000 requests: 112 against 26 µs in SQLite, issue 15).
        b.HasIndex(c => new { c.Status, c.Type, c.Count });
    }
}

internal sealed class RequestClockCountConfiguration : IEntityTypeConfiguration<RequestClockCount>
{
    public void Configure(EntityTypeBuilder<RequestClockCount> b)
    {
        b.ToTable("RequestClockCounts");
        // Status first: the work queue sums a few statuses province-wide as index ranges.
        b.HasKey(c => new { c.Status, c.Clock, c.AgencyId });
    }
}

internal sealed class ReceiptOutcomeCountConfiguration : IEntityTypeConfiguration<ReceiptOutcomeCount>
{
    public void Configure(EntityTypeBuilder<ReceiptOutcomeCount> b)
    {
        b.ToTable("ReceiptOutcomeCounts");
        // Month first: the statistics read a range of months.
        b.HasKey(c => new { c.Month, c.Type, c.Resolution, c.Status, c.HasDueDate });
    }
}

internal sealed class AgencyReceiptOutcomeCountConfiguration : IEntityTypeConfiguration<AgencyReceiptOutcomeCount>
{
    public void Configure(EntityTypeBuilder<AgencyReceiptOutcomeCount> b)
    {
        b.ToTable("AgencyReceiptOutcomeCounts");
        b.HasKey(c => new { c.Month, c.AgencyId, c.Type, c.Resolution, c.Status, c.HasDueDate });
        // One agency's statistics: its months only (by the key, the months' rows of every agency).
        b.HasIndex(c => new { c.AgencyId, c.Month });
    }
}

internal sealed class RequestReportCountConfiguration : IEntityTypeConfiguration<RequestReportCount>
{
    public void Configure(EntityTypeBuilder<RequestReportCount> b)
    {
        b.ToTable("RequestReportCounts");
        // Measure and month first: the province's report reads a range of months of each measure.
        b.HasKey(c => new { c.Measure, c.Month, c.AgencyId, c.Type, c.Status, c.Value });
        // One agency's report: its rows only.
        b.HasIndex(c => new { c.AgencyId, c.Measure, c.Month });
    }
}

internal sealed class RequestMonthCountConfiguration : IEntityTypeConfiguration<RequestMonthCount>
{
    public void Configure(EntityTypeBuilder<RequestMonthCount> b)
    {
        b.ToTable("RequestMonthCounts");
        b.HasKey(c => new { c.Measure, c.Month, c.Type });
    }
}

internal sealed class CertificateExpiryCountConfiguration : IEntityTypeConfiguration<CertificateExpiryCount>
{
    public void Configure(EntityTypeBuilder<CertificateExpiryCount> b)
    {
        b.ToTable("CertificateExpiryCounts");
        b.HasKey(c => c.Month);
        b.Property(c => c.Month).ValueGeneratedNever();
    }
}
