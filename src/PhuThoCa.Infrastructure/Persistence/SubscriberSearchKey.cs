using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PhuThoCa.Infrastructure.Persistence;

/// <summary>
/// A subscriber's folded search key, read without the agency scope: only for a search's test of one row ("does this
/// request line's subscriber match?"), whose outer query keeps the scope. It is what the trigram index's ids are (unscoped
/// ids of the subscribers whose key contains the text), asked of one row at a time: a search for a common fragment walks
/// the newest requests and tests each, instead of reading every match (the requests'
/// search, docs/performance.md, session 25). No table of its own: a query over <c>Subscribers</c>, which SQLite flattens into a
/// primary-key lookup.
/// </summary>
public sealed class SubscriberSearchKey
{
    public int Id { get; private set; }

    public string SearchKey { get; private set; } = "";
}

internal sealed class SubscriberSearchKeyConfiguration : IEntityTypeConfiguration<SubscriberSearchKey>
{
    public void Configure(EntityTypeBuilder<SubscriberSearchKey> b)
    {
        b.HasNoKey();
        // No table: without ToTable(null) EF would map the type to a table of its own as well, and a migration create it.
        b.ToTable((string?)null);
        b.ToSqlQuery("SELECT \"Id\", \"SearchKey\" FROM \"Subscribers\"");
    }
}
