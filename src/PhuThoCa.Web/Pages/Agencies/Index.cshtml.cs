using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Agencies;
using PhuThoCa.Domain.Common;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Agencies;

public class IndexModel(AppDbContext db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public AgencyKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<Row> Rows { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public IDictionary<string, string?> RouteValues => new Dictionary<string, string?> { ["q"] = Query, ["kind"] = Kind?.ToString() };

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = await me.CanAsync(Policies.Admin);
        var query = db.Agencies.AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var folded = Text.Fold(Query);
            query = query.Where(a => a.SearchKey.Contains(folded));
        }

        if (Kind is not null)
        {
            query = query.Where(a => a.Kind == Kind);
        }

        Rows = await PagedList.CreateAsync(query.OrderBy(a => a.Kind).ThenBy(a => a.Name).Select(a => new Row(a.Id, a.Name, a.ShortName, a.Kind,
            a.EmailDomain, a.IsActive, db.Subscribers.Count(s => s.AgencyId == a.Id), db.Tokens.Count(t => t.AgencyId == a.Id))), PageNumber, 30, ct);
    }

    public sealed record Row(int Id, string Name, string ShortName, AgencyKind Kind, string EmailDomain, bool IsActive, int Subscribers, int Tokens);
}
