namespace PhuThoCa.Domain.Common;

/// <summary>One changed field: Vietnamese label, old value, new value. Used to write history notes.</summary>
public sealed record FieldChange(string Label, string? OldValue, string? NewValue)
{
    public static void Track(List<FieldChange> changes, string label, string? oldValue, string? newValue)
    {
        if (!string.Equals(oldValue ?? "", newValue ?? "", StringComparison.Ordinal))
        {
            changes.Add(new FieldChange(label, oldValue, newValue));
        }
    }

    public static string Describe(IEnumerable<FieldChange> changes) =>
        string.Join("; ", changes.Select(c => $"{c.Label}: “{c.OldValue}” → “{c.NewValue}”"));
}
