namespace PhuThoCa.Domain.Calendar;

/// <summary>
/// Official schedules already published, as the overrides needed on top of the computed rules (domain-spec §4.4).
/// The rest of each schedule is what the rules compute by themselves; the tests check the full schedule.
/// </summary>
public static class OfficialCalendarSeed
{
    /// <summary>Official 2026 schedule for cán bộ, công chức, viên chức (domain-spec §4.4 [V]).</summary>
    public const string LegalBasis2026 = "Công văn 9859/VPCP-KGVX của Văn phòng Chính phủ; Thông báo 9441/TB-BNV của Bộ Nội vụ";

    /// <summary>Every seeded override, oldest year first. New instances on each call (the entity is mutable).</summary>
    public static IReadOnlyList<CalendarOverride> Create() => Year2026();

    /// <summary>
    /// 2026. Computed by the rules: 01/01; Tết Bính Ngọ 16/02 (29 tháng Chạp Ất Tỵ) – 20/02 (mùng 4); Giỗ Tổ on Sunday
    /// 26/04 with Monday 27/04 off (Điều 111.3); 30/04; 01/05; Quốc khánh Tuesday 01/09 and Wednesday 02/09.
    /// Added here: the Quốc khánh swap, Monday 31/08 off and Saturday 22/08 worked (CBCCVC off 29/08–02/09).
    /// </summary>
    public static IReadOnlyList<CalendarOverride> Year2026() =>
    [
        CalendarOverride.CreateWorkingDay(
            new DateOnly(2026, 8, 22), "Làm việc bù cho ngày nghỉ thứ Hai 31/08/2026", LegalBasis2026),
        CalendarOverride.CreateDayOff(
            new DateOnly(2026, 8, 31), "Nghỉ dịp Quốc khánh (hoán đổi, làm bù thứ Bảy 22/08/2026)", LegalBasis2026),
    ];
}
