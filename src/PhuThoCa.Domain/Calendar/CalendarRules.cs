namespace PhuThoCa.Domain.Calendar;

/// <summary>
/// The codes of the rules of this register the domain enforces (<see cref="PhuThoCa.Domain.Common.DomainRuleException.Rule"/>),
/// like <c>RequestRules</c>: pages and importers match a code by constant, never by string (issue 10, item 4).
/// </summary>
public static class CalendarRules
{
    public const string CalendarOverrideKindIsUnknown = nameof(CalendarOverrideKindIsUnknown);

    public const string CalendarOverrideLegalBasisIsTooLong = nameof(CalendarOverrideLegalBasisIsTooLong);

    public const string CalendarOverrideMustBeWithinTheSupportedYears = nameof(CalendarOverrideMustBeWithinTheSupportedYears);

    public const string CalendarOverrideNameIsTooLong = nameof(CalendarOverrideNameIsTooLong);

    public const string CalendarOverrideNeedsALegalBasis = nameof(CalendarOverrideNeedsALegalBasis);

    public const string CalendarOverrideNeedsAName = nameof(CalendarOverrideNeedsAName);

    public const string ExtraDayOffMustBeAWeekday = nameof(ExtraDayOffMustBeAWeekday);

    public const string ExtraWorkingDayMustBeASaturdayOrSunday = nameof(ExtraWorkingDayMustBeASaturdayOrSunday);
}
