using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Pages.Subscribers;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>
/// What the register lists (subscribers, certificates, tokens) share: the search box, the agency filter for
/// province-wide users, sorting, server-side paging and the query-string values the pager and sort links keep.
/// A page adds its own filters, lists them in <see cref="AddFilterValues"/>, and says how to filter, sort and project.
/// </summary>
public abstract class RegisterListModel<TRow>(AppDbContext db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "agency")]
    public int? AgencyId { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<TRow> Rows { get; private set; } = null!;

    public List<SelectListItem> Agencies { get; private set; } = [];

    public bool CanChooseAgency => me.IsProvinceWide;

    public bool CanEdit { get; private set; }

    /// <summary>Judged once per request by the named policy, before any handler runs.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        CanEdit = await me.CanAsync(Policies.EditRegisters);
        await base.OnPageHandlerExecutionAsync(context, next);
    }

    /// <summary>The current filters and sort, for the pager and sort links (the page number is added by them).</summary>
    public IDictionary<string, string?> RouteValues
    {
        get
        {
            var values = new Dictionary<string, string?> { ["q"] = Query };
            AddFilterValues(values);
            values["agency"] = AgencyId?.ToString(CultureInfo.InvariantCulture);
            values["sort"] = Sort;
            return values;
        }
    }

    protected AppDbContext Db => db;

    protected CurrentUser Me => me;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (CanChooseAgency)
        {
            Agencies = await SubscriberFormOptions.AgenciesAsync(db, ct);
        }

        await BeforeQueriesAsync(ct);
        Rows = await CountFromCountersAsync(ct) is { } total
            ? await PagedList.FromCountAsync(FilteredRows(), total, PageNumber, cancellationToken: ct)
            : await PagedList.CreateAsync(FilteredRows(), PageNumber, cancellationToken: ct);
    }

    /// <summary>
    /// Reads what the page's statements share (the count and the page both run <see cref="FilteredRows"/>), before they
    /// run; e.g. the ids a search index gave, read once instead of once per statement.
    /// </summary>
    protected virtual Task BeforeQueriesAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// The number of rows <see cref="FilteredRows"/> matches, read from counters kept by the database when the filters
    /// allow it (a sum over a few rows instead of a count of the register); null to count the rows.
    /// </summary>
    protected virtual Task<int?> CountFromCountersAsync(CancellationToken ct) => Task.FromResult<int?>(null);

    /// <summary>The page's own query-string filters (e.g. "status"), in the order the form shows them.</summary>
    protected abstract void AddFilterValues(IDictionary<string, string?> values);

    /// <summary>The rows matching every filter, sorted: the page shows a page of them and the export all of them.</summary>
    protected abstract IQueryable<TRow> FilteredRows();

    /// <summary>The chosen agency's name for the export's filter line, or null without an agency filter.</summary>
    protected async Task<string?> AgencyFilterNameAsync(CancellationToken ct) => AgencyId is null
        ? null
        : await SubscriberFormOptions.AgencyNameAsync(db, AgencyId.Value, ct);
}
