using Microsoft.EntityFrameworkCore;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>One page of a server-side paged list.</summary>
public sealed class PagedList<T>
{
    public const int DefaultPageSize = 25;

    internal PagedList(IReadOnlyList<T> items, int page, int pageSize, int total, bool totalIsCapped = false)
    {
        Items = items;
        Page = page;
        PageSize = pageSize;
        Total = total;
        TotalIsCapped = totalIsCapped;
    }

    public IReadOnlyList<T> Items { get; }

    public int Page { get; }

    public int PageSize { get; }

    public int Total { get; }

    /// <summary>There are more rows than <see cref="Total"/>, which is the cap the count stopped at (see <see cref="PagedList.FromCappedCountAsync"/>).</summary>
    public bool TotalIsCapped { get; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public int FirstIndex => Total == 0 ? 0 : ((Page - 1) * PageSize) + 1;

    public int LastIndex => Math.Min(Page * PageSize, Total);
}

public static class PagedList
{
    public static async Task<PagedList<T>> CreateAsync<T>(IQueryable<T> query, int page, int pageSize = PagedList<T>.DefaultPageSize,
        CancellationToken cancellationToken = default)
    {
        var total = await query.CountAsync(cancellationToken);
        return await FromCountAsync(query, total, page, pageSize, cancellationToken);
    }

    /// <summary>
    /// One page of <paramref name="query"/> whose rows the caller counted with <see cref="CountUpToAsync"/> up to
    /// <paramref name="cap"/>, so that a list which only grows (a user's notifications) costs the same at any size: past
    /// the cap the pager says "more than" and stops there (issue 15: capped paging).
    /// </summary>
    public static async Task<PagedList<T>> FromCappedCountAsync<T>(IQueryable<T> query, int counted, int cap, int page,
        int pageSize = PagedList<T>.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var total = Math.Min(counted, cap);
        return await PageAsync(query, total, counted > cap, page, pageSize, cancellationToken);
    }

    /// <summary>The number of rows of <paramref name="query"/>, counting no further than one past <paramref name="cap"/>.</summary>
    public static Task<int> CountUpToAsync<T>(IQueryable<T> query, int cap, CancellationToken cancellationToken = default) =>
        query.Take(cap + 1).CountAsync(cancellationToken);

    /// <summary>The requested page number, kept between the first and the last page of <paramref name="total"/> rows.</summary>
    public static int ClampPage(int page, int total, int pageSize) => Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));

    /// <summary>One page of <paramref name="query"/> whose row count the caller already has (e.g. from a grouped count).</summary>
    public static Task<PagedList<T>> FromCountAsync<T>(IQueryable<T> query, int total, int page, int pageSize = PagedList<T>.DefaultPageSize,
        CancellationToken cancellationToken = default) =>
        PageAsync(query, total, totalIsCapped: false, page, pageSize, cancellationToken);

    private static async Task<PagedList<T>> PageAsync<T>(IQueryable<T> query, int total, bool totalIsCapped, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        page = ClampPage(page, total, pageSize);
        var items = total == 0 ? [] : await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedList<T>(items, page, pageSize, total, totalIsCapped);
    }

    /// <summary>
    /// One page over <paramref name="first"/> followed by <paramref name="second"/>, each ordered on its own, with the row
    /// counts the caller already has. Lets a sort such as "dated rows by date, then undated rows" run as two index range
    /// reads instead of one ORDER BY on an expression (e.g. <c>DueDate IS NULL</c>) that no index can serve.
    /// </summary>
    public static async Task<PagedList<T>> FromCountsAsync<T>(IQueryable<T> first, int firstTotal, IQueryable<T> second, int secondTotal, int page,
        int pageSize = PagedList<T>.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var total = firstTotal + secondTotal;
        page = ClampPage(page, total, pageSize);
        var skip = (page - 1) * pageSize;
        var items = new List<T>(pageSize);
        if (skip < firstTotal)
        {
            items.AddRange(await first.Skip(skip).Take(pageSize).ToListAsync(cancellationToken));
        }

        if (items.Count < pageSize && skip + items.Count < total)
        {
            items.AddRange(await second.Skip(Math.Max(0, skip - firstTotal)).Take(pageSize - items.Count).ToListAsync(cancellationToken));
        }

        return new PagedList<T>(items, page, pageSize, total);
    }
}

/// <summary>What the shared pager partial needs: the page and the current query string values to keep.</summary>
public sealed record PagerModel(int Page, int PageCount, int Total, int FirstIndex, int LastIndex, IDictionary<string, string?> RouteValues,
    bool TotalIsCapped = false)
{
    public static PagerModel For<T>(PagedList<T> list, IDictionary<string, string?> routeValues) =>
        new(list.Page, list.PageCount, list.Total, list.FirstIndex, list.LastIndex, routeValues, list.TotalIsCapped);

    /// <summary>Query string for another page, keeping the active filters.</summary>
    public string Href(int page)
    {
        var values = RouteValues.Where(kv => !string.IsNullOrEmpty(kv.Value) && kv.Key != "p")
            .Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value))
            .Append(new KeyValuePair<string, string?>("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Microsoft.AspNetCore.Http.QueryString.Create(values).ToString();
    }
}
