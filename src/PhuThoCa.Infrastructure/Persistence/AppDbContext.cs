using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Agencies;
using PhuThoCa.Domain.Calendar;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Auditing;
using PhuThoCa.Infrastructure.Identity;

namespace PhuThoCa.Infrastructure.Persistence;

public class AppDbContext : IdentityDbContext<AppUser>
{
    private IAgencyScope _scope = LeaseRequiredScope.Instance;
    private bool _connectionHeld;

    /// <summary>
    /// The one constructor, as EF's context pool requires (docs/adr/0032-pooled-db-context.md). A context serves no rows
    /// until <see cref="Lease"/> names its user's agency scope: the portal's scoped <see cref="AppDbContext"/> is a pooled
    /// context leased to the request's user (<see cref="DatabaseSetup"/>); tools and tests use <see cref="Create"/>.
    /// </summary>
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
        // Every save runs in a transaction, even a one-row save: the audit trail is appended just before it commits.
        // The pool keeps this setting: it restores a returned context to the configuration it had when first created.
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
    }

    /// <summary>Who acts and the clock, for the audit trail (<see cref="AuditInterceptor"/>).</summary>
    public IAuditContext AuditContext { get; private set; } = SystemAuditContext.Instance;

    internal AuditBuffer AuditBuffer { get; } = new();

    /// <summary>A context of its own (not pooled) for <paramref name="scope"/>: tools, the data generator, tests.</summary>
    public static AppDbContext Create(DbContextOptions<AppDbContext> options, IAgencyScope scope, IAuditContext? audit = null) =>
        new AppDbContext(options).Lease(scope, audit);

    /// <summary>
    /// Hands the context to one user: the agency scope of its query filters and the actor of its audit trail. A pooled
    /// context is leased again on every rent, and starts with an empty audit buffer; EF has already reset its change
    /// tracker.
    /// </summary>
    public AppDbContext Lease(IAgencyScope scope, IAuditContext? audit = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        _scope = scope;
        AuditContext = audit ?? SystemAuditContext.Instance;
        AuditBuffer.Reset();
        return this;
    }

    /// <summary>
    /// On SQLite, opens the connection for the whole lease, so the request's statements share one open connection instead
    /// of each renting one from the pool and registering EF's SQL functions on it again (issue 15, the fixed per-page
    /// cost; docs/adr/0033-sqlite-connection-per-request.md). It is closed when the context is disposed, before it goes
    /// back to the pool. Other providers keep EF's open-per-statement: their pools are cheap to rent from and a held
    /// connection would be one a busy server lacks.
    /// </summary>
    public AppDbContext HoldConnection()
    {
        if (!_connectionHeld && Database.IsSqlite())
        {
            Database.OpenConnection();
            _connectionHeld = true;
        }

        return this;
    }

    public override void Dispose()
    {
        ReleaseConnection();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_connectionHeld)
        {
            _connectionHeld = false;
            await Database.CloseConnectionAsync();
        }

        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private void ReleaseConnection()
    {
        if (_connectionHeld)
        {
            _connectionHeld = false;
            Database.CloseConnection();
        }
    }

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    /// <summary>Sign-in sessions of users (docs/adr/0023-user-sessions.md).</summary>
    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Subscriber> Subscribers => Set<Subscriber>();

    /// <summary>Subscribers' search keys without the agency scope, for a search's test of one row (<see cref="SubscriberSearchKey"/>).</summary>
    public DbSet<SubscriberSearchKey> SubscriberSearchKeys => Set<SubscriberSearchKey>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<UsbToken> Tokens => Set<UsbToken>();

    public DbSet<TokenHandover> TokenHandovers => Set<TokenHandover>();

    public DbSet<TimelineEvent> TimelineEvents => Set<TimelineEvent>();

    public DbSet<CalendarOverride> CalendarOverrides => Set<CalendarOverride>();

    public DbSet<Request> Requests => Set<Request>();

    public DbSet<RequestAttachment> RequestAttachments => Set<RequestAttachment>();

    public DbSet<GeneratedLetter> GeneratedLetters => Set<GeneratedLetter>();

    public DbSet<ReceiptCounter> ReceiptCounters => Set<ReceiptCounter>();

    public DbSet<DocumentCounter> DocumentCounters => Set<DocumentCounter>();

    public DbSet<Domain.Notifications.Notification> Notifications => Set<Domain.Notifications.Notification>();

    public DbSet<Domain.Mail.OutboxMessage> OutboxMessages => Set<Domain.Mail.OutboxMessage>();

    public DbSet<Domain.Mail.OutboxAttempt> OutboxAttempts => Set<Domain.Mail.OutboxAttempt>();

    public DbSet<Domain.Mail.MailTemplate> MailTemplates => Set<Domain.Mail.MailTemplate>();

    public DbSet<Domain.Mail.MailPreference> MailPreferences => Set<Domain.Mail.MailPreference>();

    public DbSet<Domain.Signatures.TrustListEntry> TrustList => Set<Domain.Signatures.TrustListEntry>();

    public DbSet<Domain.Signatures.RevocationListFile> RevocationLists => Set<Domain.Signatures.RevocationListFile>();

    public DbSet<Domain.Signatures.SignedLetterCheck> SignedLetterChecks => Set<Domain.Signatures.SignedLetterCheck>();

    public DbSet<Domain.Reports.ReportingRound> ReportingRounds => Set<Domain.Reports.ReportingRound>();

    public DbSet<Domain.Reports.AgencyReport> AgencyReports => Set<Domain.Reports.AgencyReport>();

    public DbSet<Domain.Reports.ReportReminder> ReportReminders => Set<Domain.Reports.ReportReminder>();

    public DbSet<Domain.Reports.IssuedReport> IssuedReports => Set<Domain.Reports.IssuedReport>();

    /// <summary>Requests per agency, type and status, kept by triggers (read-only here; see <see cref="RequestCount"/>).</summary>
    public IQueryable<RequestCount> RequestCounts => Set<RequestCount>().AsNoTracking();

    /// <summary>Open requests per agency, status and running clock, kept by triggers (read-only here; see <see cref="RequestClockCount"/>).</summary>
    public IQueryable<RequestClockCount> RequestClockCounts => Set<RequestClockCount>().AsNoTracking();

    /// <summary>Subscribers per agency, kind and use, kept by triggers (read-only here; see <see cref="SubscriberCount"/>).</summary>
    public IQueryable<SubscriberCount> SubscriberCounts => Set<SubscriberCount>().AsNoTracking();

    /// <summary>Tokens per agency and status, kept by triggers (read-only here; see <see cref="TokenCount"/>).</summary>
    public IQueryable<TokenCount> TokenCounts => Set<TokenCount>().AsNoTracking();

    /// <summary>Requests received, completed and resolved per Vietnam month and type, kept by triggers (see <see cref="RequestMonthCount"/>).</summary>
    public IQueryable<RequestMonthCount> RequestMonthCounts => Set<RequestMonthCount>().AsNoTracking();

    /// <summary>Requests per Vietnam month of first receipt, type and where they stand, kept by triggers (see <see cref="ReceiptOutcomeCount"/>).</summary>
    public IQueryable<ReceiptOutcomeCount> ReceiptOutcomeCounts => Set<ReceiptOutcomeCount>().AsNoTracking();

    /// <summary>The same per agency (see <see cref="AgencyReceiptOutcomeCount"/>).</summary>
    public IQueryable<AgencyReceiptOutcomeCount> AgencyReceiptOutcomeCounts => Set<AgencyReceiptOutcomeCount>().AsNoTracking();

    /// <summary>The requests section of the Điều 8.4 report per agency, type, measure and month, kept by triggers (see <see cref="RequestReportCount"/>).</summary>
    public IQueryable<RequestReportCount> RequestReportCounts => Set<RequestReportCount>().AsNoTracking();

    /// <summary>The certificate figures of the Điều 8.4 report per agency, measure and month, kept by triggers (see <see cref="CertificateReportCount"/>).</summary>
    public IQueryable<CertificateReportCount> CertificateReportCounts => Set<CertificateReportCount>().AsNoTracking();

    /// <summary>Valid certificates per Vietnam month of expiry, kept by triggers (see <see cref="CertificateExpiryCount"/>).</summary>
    public IQueryable<CertificateExpiryCount> CertificateExpiryCounts => Set<CertificateExpiryCount>().AsNoTracking();

    /// <summary>Read by the global query filters; EF re-evaluates it for every query of this context instance.</summary>
    public int? ScopeAgencyId => _scope.AgencyId;

    public bool IsSqlServer => Database.ProviderName == "Microsoft.EntityFrameworkCore.SqlServer";

    /// <summary>
    /// Evaluates <paramref name="figures"/>, counts and sums over this context's sets (each under its query filters), in
    /// one statement of scalar subqueries: one pass through EF's pipeline and one prepared statement instead of one per
    /// figure (a landing page's tiles, issue 15). The row they are selected on is one agency the context sees: every
    /// signed-in user sees at least their own; with none, every figure is 0.
    /// </summary>
    public async Task<int[]> ScalarsAsync(IReadOnlyList<System.Linq.Expressions.Expression<Func<int>>> figures, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var row = System.Linq.Expressions.Expression.Parameter(typeof(Agency), "row");
        var select = System.Linq.Expressions.Expression.Lambda<Func<Agency, int[]>>(
            System.Linq.Expressions.Expression.NewArrayInit(typeof(int), figures.Select(f => f.Body)), row);
        return await Set<Agency>().AsNoTracking().Take(1).Select(select).FirstOrDefaultAsync(ct) ?? new int[figures.Count];
    }

    /// <summary>One figure in one statement (<see cref="ScalarsAsync(IReadOnlyList{System.Linq.Expressions.Expression{Func{int}}}, CancellationToken)"/>).</summary>
    public async Task<int> ScalarAsync(System.Linq.Expressions.Expression<Func<int>> figure, CancellationToken ct) =>
        (await ScalarsAsync([figure], ct))[0];

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime in the model is UTC; SQLite hands them back as Unspecified without this.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcNullableDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        RegisterVersions.Configure(builder);

        // Agency scoping (features G11.2): an officer of agency A gets nothing of agency B, hence 404 on B's ids.
        builder.Entity<Agency>().HasQueryFilter(a => ScopeAgencyId == null || a.Id == ScopeAgencyId);
        builder.Entity<Subscriber>().HasQueryFilter(s => ScopeAgencyId == null || s.AgencyId == ScopeAgencyId);
        // A certificate's agency is its subscriber's, asked as EXISTS: through the navigation EF joined Subscribers into
        // every certificate query, also for province-wide users, whose counts then read the subscriber of each row (the
        // certificates-by-expiry page took 14x its reference at 100k requests, issue 15).
        builder.Entity<Certificate>().HasQueryFilter(c => ScopeAgencyId == null || Subscribers.Any(s => s.Id == c.SubscriberId && s.AgencyId == ScopeAgencyId));
        builder.Entity<UsbToken>().HasQueryFilter(t => ScopeAgencyId == null || t.AgencyId == ScopeAgencyId);
        builder.Entity<TokenHandover>().HasQueryFilter(h => ScopeAgencyId == null || Tokens.Any(t => t.Id == h.TokenId));
        builder.Entity<Request>().HasQueryFilter(r => ScopeAgencyId == null || r.AgencyId == ScopeAgencyId);
        builder.Entity<RequestCount>().HasQueryFilter(c => ScopeAgencyId == null || c.AgencyId == ScopeAgencyId);
        builder.Entity<RequestClockCount>().HasQueryFilter(c => ScopeAgencyId == null || c.AgencyId == ScopeAgencyId);
        builder.Entity<SubscriberCount>().HasQueryFilter(c => ScopeAgencyId == null || c.AgencyId == ScopeAgencyId);
        builder.Entity<TokenCount>().HasQueryFilter(c => ScopeAgencyId == null || c.AgencyId == ScopeAgencyId);
        builder.Entity<AgencyReceiptOutcomeCount>().HasQueryFilter(c => ScopeAgencyId == null || c.AgencyId == ScopeAgencyId);
        builder.Entity<RequestReportCount>().HasQueryFilter(c => ScopeAgencyId == null || c.AgencyId == ScopeAgencyId);
        builder.Entity<CertificateReportCount>().HasQueryFilter(c => ScopeAgencyId == null || c.AgencyId == ScopeAgencyId);
        // Province-wide counters: nothing for an agency-scoped context.
        builder.Entity<RequestMonthCount>().HasQueryFilter(c => ScopeAgencyId == null);
        builder.Entity<CertificateExpiryCount>().HasQueryFilter(c => ScopeAgencyId == null);
        builder.Entity<ReceiptOutcomeCount>().HasQueryFilter(c => ScopeAgencyId == null);
        builder.Entity<RequestAttachment>().HasQueryFilter(a => ScopeAgencyId == null || Requests.Any(r => r.Id == a.RequestId));
        builder.Entity<GeneratedLetter>().HasQueryFilter(l => ScopeAgencyId == null || Requests.Any(r => r.Id == l.RequestId));
        builder.Entity<Domain.Signatures.SignedLetterCheck>().HasQueryFilter(c => ScopeAgencyId == null || Requests.Any(r => r.Id == c.RequestId));
        // QĐ-PT Điều 9.6 reports: an officer sees their own agency's only. Rounds are Sở's and visible to every agency.
        builder.Entity<Domain.Reports.AgencyReport>().HasQueryFilter(r => ScopeAgencyId == null || r.AgencyId == ScopeAgencyId);
        builder.Entity<Domain.Reports.ReportReminder>().HasQueryFilter(r => ScopeAgencyId == null || r.AgencyId == ScopeAgencyId);
        builder.Entity<Domain.Reports.IssuedReport>().HasQueryFilter(r => ScopeAgencyId == null || r.AgencyId == ScopeAgencyId);
    }
}
