namespace PhuThoCa.Domain.Calendar;

/// <summary>
/// C# port of Hồ Ngọc Đức's "Thuật toán tính âm lịch" (amlich.js, https://www.informatik.uni-leipzig.de/~duc/amlich/),
/// itself based on Jean Meeus, "Astronomical Algorithms" (1998). Names and constants follow the JavaScript original
/// so that the two can be compared line by line; <c>Int</c> is the original <c>INT</c> (floor, not truncation).
/// The time zone is a parameter of the original; <see cref="LunarCalendar"/> always passes UTC+7 (Vietnam).
/// </summary>
internal static class HoNgocDucAlgorithm
{
    private const double Dr = Math.PI / 180;

    private static int Int(double d) => (int)Math.Floor(d);

    /// <summary>Julian day number of dd/mm/yy (Gregorian after 15/10/1582, Julian before).</summary>
    public static int JdFromDate(int dd, int mm, int yy)
    {
        var a = Int((14 - mm) / 12.0);
        var y = yy + 4800 - a;
        var m = mm + (12 * a) - 3;
        var jd = dd + Int(((153 * m) + 2) / 5.0) + (365 * y) + Int(y / 4.0) - Int(y / 100.0) + Int(y / 400.0) - 32045;
        if (jd < 2299161)
        {
            jd = dd + Int(((153 * m) + 2) / 5.0) + (365 * y) + Int(y / 4.0) - 32083;
        }

        return jd;
    }

    /// <summary>Inverse of <see cref="JdFromDate"/>: (day, month, year).</summary>
    public static (int Day, int Month, int Year) JdToDate(int jd)
    {
        int b, c;
        if (jd > 2299160)
        {
            // After 5/10/1582: Gregorian calendar.
            var a = jd + 32044;
            b = Int(((4 * a) + 3) / 146097.0);
            c = a - Int(b * 146097 / 4.0);
        }
        else
        {
            b = 0;
            c = jd + 32082;
        }

        var d = Int(((4 * c) + 3) / 1461.0);
        var e = c - Int(1461 * d / 4.0);
        var m = Int(((5 * e) + 2) / 153.0);
        var day = e - Int(((153 * m) + 2) / 5.0) + 1;
        var month = m + 3 - (12 * Int(m / 10.0));
        var year = (b * 100) + d - 4800 + Int(m / 10.0);
        return (day, month, year);
    }

    /// <summary>
    /// Time (Julian date, UTC, fractional) of the k-th new moon after the one of 1900-01-01 13:51 GMT
    /// (Meeus ch. 49, truncated series, with a ΔT correction).
    /// </summary>
    public static double NewMoon(int k)
    {
        var t = k / 1236.85; // Julian centuries from 1900 January 0.5
        var t2 = t * t;
        var t3 = t2 * t;
        var jd1 = 2415020.75933 + (29.53058868 * k) + (0.0001178 * t2) - (0.000000155 * t3);
        jd1 += 0.00033 * Math.Sin((166.56 + (132.87 * t) - (0.009173 * t2)) * Dr); // mean new moon
        var m = 359.2242 + (29.10535608 * k) - (0.0000333 * t2) - (0.00000347 * t3); // Sun's mean anomaly
        var mpr = 306.0253 + (385.81691806 * k) + (0.0107306 * t2) + (0.00001236 * t3); // Moon's mean anomaly
        var f = 21.2964 + (390.67050646 * k) - (0.0016528 * t2) - (0.00000239 * t3); // Moon's argument of latitude
        var c1 = ((0.1734 - (0.000393 * t)) * Math.Sin(m * Dr)) + (0.0021 * Math.Sin(2 * Dr * m));
        c1 = c1 - (0.4068 * Math.Sin(mpr * Dr)) + (0.0161 * Math.Sin(Dr * 2 * mpr));
        c1 -= 0.0004 * Math.Sin(Dr * 3 * mpr);
        c1 = c1 + (0.0104 * Math.Sin(Dr * 2 * f)) - (0.0051 * Math.Sin(Dr * (m + mpr)));
        c1 = c1 - (0.0074 * Math.Sin(Dr * (m - mpr))) + (0.0004 * Math.Sin(Dr * ((2 * f) + m)));
        c1 = c1 - (0.0004 * Math.Sin(Dr * ((2 * f) - m))) - (0.0006 * Math.Sin(Dr * ((2 * f) + mpr)));
        c1 = c1 + (0.0010 * Math.Sin(Dr * ((2 * f) - mpr))) + (0.0005 * Math.Sin(Dr * ((2 * mpr) + m)));
        var deltaT = t < -11
            ? 0.001 + (0.000839 * t) + (0.0002261 * t2) - (0.00000845 * t3) - (0.000000081 * t * t3)
            : -0.000278 + (0.000265 * t) + (0.000262 * t2);
        return jd1 + c1 - deltaT;
    }

    /// <summary>Apparent longitude of the Sun, in radians normalised to [0, 2π), at Julian date <paramref name="jdn"/> (UTC).</summary>
    public static double SunLongitude(double jdn)
    {
        var t = (jdn - 2451545.0) / 36525; // Julian centuries from 2000-01-01 12:00 GMT
        var t2 = t * t;
        var m = 357.52910 + (35999.05030 * t) - (0.0001559 * t2) - (0.00000048 * t * t2); // mean anomaly, degrees
        var l0 = 280.46645 + (36000.76983 * t) + (0.0003032 * t2); // mean longitude, degrees
        var dl = (1.914600 - (0.004817 * t) - (0.000014 * t2)) * Math.Sin(Dr * m);
        dl = dl + ((0.019993 - (0.000101 * t)) * Math.Sin(Dr * 2 * m)) + (0.000290 * Math.Sin(Dr * 3 * m));
        var l = (l0 + dl) * Dr; // true longitude, radians
        l -= Math.PI * 2 * Int(l / (Math.PI * 2)); // normalise to [0, 2π)
        return l;
    }

    /// <summary>Local day (Julian day number) on which the k-th new moon falls in the given time zone.</summary>
    public static int GetNewMoonDay(int k, double timeZone) => Int(NewMoon(k) + 0.5 + (timeZone / 24));

    /// <summary>
    /// Sector (0–11) of the Sun's longitude at local midnight starting day <paramref name="dayNumber"/>; sector s covers
    /// [30°·s, 30°·(s+1)), so each sector contains one major solar term (trung khí). 9 = winter solstice sector.
    /// </summary>
    public static int GetSunLongitude(int dayNumber, double timeZone) =>
        Int(SunLongitude(dayNumber - 0.5 - (timeZone / 24)) / Math.PI * 6);

    /// <summary>Julian day number on which lunar month 11 (the month containing the winter solstice) of solar year yy starts.</summary>
    public static int GetLunarMonth11(int yy, double timeZone)
    {
        var off = JdFromDate(31, 12, yy) - 2415021;
        var k = Int(off / 29.530588853);
        var nm = GetNewMoonDay(k, timeZone);
        var sunLong = GetSunLongitude(nm, timeZone); // sun longitude at local midnight
        if (sunLong >= 9)
        {
            nm = GetNewMoonDay(k - 1, timeZone);
        }

        return nm;
    }

    /// <summary>
    /// In a 13-month span starting with month 11 on day <paramref name="a11"/>, the offset (1–13) of the leap month:
    /// the first month whose start finds the Sun in the same sector as the next month, i.e. with no major solar term.
    /// </summary>
    public static int GetLeapMonthOffset(int a11, double timeZone)
    {
        var k = Int(((a11 - 2415021.076998695) / 29.530588853) + 0.5);
        var i = 1; // start with the month following lunar month 11
        var arc = GetSunLongitude(GetNewMoonDay(k + i, timeZone), timeZone);
        int last;
        do
        {
            last = arc;
            i++;
            arc = GetSunLongitude(GetNewMoonDay(k + i, timeZone), timeZone);
        }
        while (arc != last && i < 14);

        return i - 1;
    }

    /// <summary>Solar dd/mm/yy to lunar (day, month, year, leap).</summary>
    public static (int Day, int Month, int Year, bool Leap) ConvertSolar2Lunar(int dd, int mm, int yy, double timeZone)
    {
        var dayNumber = JdFromDate(dd, mm, yy);
        var k = Int((dayNumber - 2415021.076998695) / 29.530588853);
        var monthStart = GetNewMoonDay(k + 1, timeZone);
        if (monthStart > dayNumber)
        {
            monthStart = GetNewMoonDay(k, timeZone);
        }

        if (monthStart > dayNumber)
        {
            // Deviation from the original: k comes from the mean lunation and can be one too high on the last day of a
            // month whose new moon is late; amlich.js then returns day 0 (07/05/2054 and 09/04/2062). Step back once more.
            monthStart = GetNewMoonDay(k - 1, timeZone);
        }

        var a11 = GetLunarMonth11(yy, timeZone);
        var b11 = a11;
        int lunarYear;
        if (a11 >= monthStart)
        {
            lunarYear = yy;
            a11 = GetLunarMonth11(yy - 1, timeZone);
        }
        else
        {
            lunarYear = yy + 1;
            b11 = GetLunarMonth11(yy + 1, timeZone);
        }

        var lunarDay = dayNumber - monthStart + 1;
        var diff = Int((monthStart - a11) / 29.0);
        var lunarLeap = false;
        var lunarMonth = diff + 11;
        if (b11 - a11 > 365)
        {
            var leapMonthDiff = GetLeapMonthOffset(a11, timeZone);
            if (diff >= leapMonthDiff)
            {
                lunarMonth = diff + 10;
                if (diff == leapMonthDiff)
                {
                    lunarLeap = true;
                }
            }
        }

        if (lunarMonth > 12)
        {
            lunarMonth -= 12;
        }

        if (lunarMonth >= 11 && diff < 4)
        {
            lunarYear -= 1;
        }

        return (lunarDay, lunarMonth, lunarYear, lunarLeap);
    }

    /// <summary>
    /// Julian day number on which the given lunar month starts and the index k of its new moon, or null when the month
    /// does not exist (a leap month in a year whose leap month is another one, or in a year without a leap month).
    /// This is the month-start part of the original <c>convertLunar2Solar</c>.
    /// </summary>
    public static (int MonthStart, int K)? GetLunarMonthStart(int lunarMonth, int lunarYear, bool lunarLeap, double timeZone)
    {
        int a11, b11;
        if (lunarMonth < 11)
        {
            a11 = GetLunarMonth11(lunarYear - 1, timeZone);
            b11 = GetLunarMonth11(lunarYear, timeZone);
        }
        else
        {
            a11 = GetLunarMonth11(lunarYear, timeZone);
            b11 = GetLunarMonth11(lunarYear + 1, timeZone);
        }

        var k = Int(0.5 + ((a11 - 2415021.076998695) / 29.530588853));
        var off = lunarMonth - 11;
        if (off < 0)
        {
            off += 12;
        }

        if (b11 - a11 > 365)
        {
            var leapOff = GetLeapMonthOffset(a11, timeZone);
            var leapMonth = leapOff - 2;
            if (leapMonth <= 0)
            {
                // The original tests "< 0", which maps offset 2 (a leap month after month 12) to month 0.
                leapMonth += 12;
            }

            if (lunarLeap && lunarMonth != leapMonth)
            {
                return null;
            }

            if (lunarLeap || off >= leapOff)
            {
                off += 1;
            }
        }
        else if (lunarLeap)
        {
            // The original ignores the flag here; a leap month that does not exist is an error for us.
            return null;
        }

        return (GetNewMoonDay(k + off, timeZone), k + off);
    }

    /// <summary>Lunar date to solar (day, month, year), or null when the lunar month does not exist.</summary>
    public static (int Day, int Month, int Year)? ConvertLunar2Solar(
        int lunarDay, int lunarMonth, int lunarYear, bool lunarLeap, double timeZone)
    {
        var start = GetLunarMonthStart(lunarMonth, lunarYear, lunarLeap, timeZone);
        return start is { } s ? JdToDate(s.MonthStart + lunarDay - 1) : null;
    }
}
