using System.Diagnostics;
using System.Globalization;
using PhuThoCa.Domain.Calendar;

// 100,000 deadlines "N ngày làm việc kể từ ngày nhận" with random receipt times in 2025–2030 and N in 1..10,
// on the calendar the portal ships (default settings + the official 2026 schedule).
// Round 1 starts from a fresh calendar, so it includes computing the years (lunar holidays, bitsets); later rounds
// show the steady state. The checksum keeps the work observable.
const int Deadlines = 100_000;
const int Rounds = 5;

var random = new Random(20260217);
var first = new DateTime(2025, 1, 1);
var minutesInRange = (int)(new DateTime(2031, 1, 1) - first).TotalMinutes;
var receipts = new DateTime[Deadlines];
var workingDays = new int[Deadlines];
for (var i = 0; i < Deadlines; i++)
{
    receipts[i] = first.AddMinutes(random.Next(minutesInRange));
    workingDays[i] = random.Next(1, 11);
}

var calendar = new WorkingDayCalendar(CalendarSettings.Default, OfficialCalendarSeed.Create());
for (var round = 1; round <= Rounds; round++)
{
    var stopwatch = Stopwatch.StartNew();
    long checksum = 0;
    for (var i = 0; i < Deadlines; i++)
    {
        checksum += calendar.DueDateFor(receipts[i], workingDays[i]).DayNumber;
    }

    stopwatch.Stop();
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"round {round}{(round == 1 ? " (cold)" : "")}: {Deadlines:N0} deadlines in {stopwatch.Elapsed.TotalMilliseconds:F1} ms ({stopwatch.Elapsed.TotalNanoseconds / Deadlines:F0} ns each), checksum {checksum}"));
}
